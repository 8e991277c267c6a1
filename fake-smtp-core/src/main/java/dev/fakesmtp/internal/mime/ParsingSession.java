package dev.fakesmtp.internal.mime;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * The one Jakarta Mail {@link Session} used to parse captured mail: UTF-8 headers allowed
 * (RFC 6532, sent under SMTPUTF8). Made once per JVM on first use, because a Session loads
 * provider files; never changed after, so sharing it is safe.
 */
final class ParsingSession {

    private ParsingSession() {
    }

    static Session get() {
        return Holder.SESSION;
    }

    private static final class Holder {
        static final Session SESSION = create();

        private static Session create() {
            Properties properties = new Properties();
            properties.setProperty("mail.mime.allowutf8", "true");
            return Session.getInstance(properties);
        }
    }
}
