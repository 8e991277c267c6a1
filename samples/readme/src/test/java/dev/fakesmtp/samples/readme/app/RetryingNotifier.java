package dev.fakesmtp.samples.readme.app;

/** The application's notifier in the README's Spring example. */
public class RetryingNotifier {
    public void send(String address, String text) {
    }
}
