package dev.fakesmtp.spring;

import dev.fakesmtp.FakeSmtpServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Spring Boot properties that point {@code JavaMailSender} at a running server. Only
 * properties, no Boot types: the same keys work on Spring Boot 3.5 and 4.0.
 */
final class SpringMailProperties {

    static final String BUNDLE_CERTIFICATE =
            "spring.ssl.bundle.pem." + AutoConfigureFakeSmtp.SSL_BUNDLE + ".truststore.certificate";

    private SpringMailProperties() {
    }

    /** The properties for {@code server}, logging in as {@code username} unless it is empty. */
    static Map<String, Object> of(FakeSmtpServer server, String username, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", server.host());
        properties.put("spring.mail.port", String.valueOf(server.port()));
        Properties angus = angusProperties(server);
        boolean implicitTls = "true".equals(angus.getProperty("mail.smtp.ssl.enable"));
        boolean startTls = "true".equals(angus.getProperty("mail.smtp.starttls.enable"));
        if (implicitTls || startTls) {
            // Inline PEM: no temporary file to clean up. Trust only this server's CA, names checked.
            properties.put(BUNDLE_CERTIFICATE, server.clientTls().caCertificatePem());
            properties.put("spring.mail.ssl.bundle", AutoConfigureFakeSmtp.SSL_BUNDLE);
            properties.put("spring.mail.properties.mail.smtp.ssl.checkserveridentity", "true");
        }
        if (implicitTls) {
            properties.put("spring.mail.ssl.enabled", "true");
        }
        if (startTls) {
            properties.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
            properties.put("spring.mail.properties.mail.smtp.starttls.required", "true");
        }
        if (!username.isEmpty()) {
            properties.put("spring.mail.username", username);
            properties.put("spring.mail.password", password);
        }
        return properties;
    }

    private static Properties angusProperties(FakeSmtpServer server) {
        try {
            return server.mailProperties();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot wire " + server + " into spring.mail.*: it was given an SSLContext,"
                    + " so what a client must trust is unknown. Build it with tlsKeyStore(..) or the bundled"
                    + " certificate instead, or set spring.mail.* yourself without @AutoConfigureFakeSmtp.", e);
        }
    }
}
