package dev.fakesmtp.spring;

import dev.fakesmtp.FakeSmtpServer;

/**
 * The attributes of one {@link AutoConfigureFakeSmtp}. As a record its {@code equals} and
 * {@code hashCode} follow the attributes, which is what keys the cached application context.
 */
record FakeSmtpSettings(boolean startTls, boolean implicitTls, boolean requireAuth, String username,
                        String password, String hostname, boolean webUi) {

    FakeSmtpSettings {
        if (startTls && implicitTls) {
            throw new IllegalStateException("@AutoConfigureFakeSmtp: choose startTls or implicitTls, not both");
        }
        if (username.isEmpty() && !password.isEmpty()) {
            throw new IllegalStateException("@AutoConfigureFakeSmtp: a password needs a username");
        }
    }

    static FakeSmtpSettings of(AutoConfigureFakeSmtp annotation) {
        return new FakeSmtpSettings(annotation.startTls(), annotation.implicitTls(), annotation.requireAuth(),
                annotation.username(), annotation.password(), annotation.hostname(), annotation.webUi());
    }

    /** True if an attribute configures the server itself, which a server bean must not be combined with. */
    boolean configuresServer() {
        return startTls || implicitTls || requireAuth || !hostname.isEmpty() || webUi;
    }

    /** A new, unstarted server with these attributes. */
    FakeSmtpServer newServer() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        if (!hostname.isEmpty()) {
            builder.hostname(hostname);
        }
        if (startTls) {
            // Required, not only offered: a client that skipped STARTTLS fails loudly instead of passing in clear text.
            builder.requireTls();
        }
        if (implicitTls) {
            builder.implicitTls();
        }
        if (!username.isEmpty()) {
            builder.credentials(username, password);
        }
        if (requireAuth) {
            builder.requireAuth();
        }
        if (webUi) {
            builder.webUi();
        }
        return builder.build();
    }

    @Override
    public String toString() {
        // The password stays out of logs and cache-key dumps.
        return "FakeSmtpSettings[startTls=" + startTls + ", implicitTls=" + implicitTls + ", requireAuth="
                + requireAuth + ", username=" + username + ", hostname=" + hostname + ", webUi=" + webUi + "]";
    }
}
