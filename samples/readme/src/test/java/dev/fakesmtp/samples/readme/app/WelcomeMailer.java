package dev.fakesmtp.samples.readme.app;

import java.util.concurrent.CompletableFuture;

/** The application's mailer in the README's examples (samples/consumers has a real one). */
public class WelcomeMailer {
    public WelcomeMailer() {
    }

    public WelcomeMailer(String host, int port) {
    }

    public void sendWelcome(String address) {
    }

    public void sendWelcome(String address, String name) {
    }

    public CompletableFuture<Void> sendWelcomeLater(String address) {
        return CompletableFuture.completedFuture(null);
    }
}
