package dev.fakesmtp.samples.readme.app;

import org.testcontainers.containers.GenericContainer;

/** The test's client of the application in the README's Testcontainers example. */
public class SignupPage {
    public SignupPage(GenericContainer<?> application) {
    }

    public void signUp(String address) {
    }
}
