package dev.fakesmtp;

import dev.fakesmtp.internal.tls.TlsSettings;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** Builds the Jakarta Mail (Angus) properties that point a client at a server. */
final class MailProperties {

    private static final String TIMEOUT_MILLIS = "10000";

    private MailProperties() {
    }

    static Properties of(String host, int port, boolean implicitTls, boolean startTls, Supplier<ClientTls> trust,
                         TlsSettings tls, ScheduledExecutorService writeTimeouts) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        // A test must never hang on a mail server: bound every wait.
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        // Else Angus starts a scheduled pool (a thread) per connection to enforce the write timeout.
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
        if (implicitTls || startTls) {
            // Verification stays on: the socket factory trusts exactly this server's CA.
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", trust.get().socketFactory());
            properties.put("mail.smtp.ssl.protocols", String.join(" ", tls.protocols()));
        }
        if (implicitTls) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (startTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
