package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers share no TLS state: each has its own SSLContexts and so its own session caches, even
 * with the bundled certificate, so what one test does with TLS cannot leak into another's.
 */
@Timeout(20)
class TlsIsolationTest {

    @Test
    void eachServerHasItsOwnClientContextAndSessionCache() {
        try (FakeSmtpServer first = FakeSmtpServer.builder().startTls().build().start();
             FakeSmtpServer second = FakeSmtpServer.builder().startTls().build().start()) {
            SSLContext firstContext = first.clientTls().sslContext();
            SSLContext secondContext = second.clientTls().sslContext();
            assertThat(firstContext).isNotSameAs(secondContext);
            assertThat(first.clientTls().sslContext()).as("one context per server, made once").isSameAs(firstContext);

            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(first)) {
                smtp.send("STARTTLS").expect("220 ");
                smtp.startTls(firstContext);
                smtp.send("EHLO client.test").expect("250 "); // reading this also reads the session ticket
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(ids(firstContext.getClientSessionContext())).as("the first server's client cache").isNotEmpty();
            assertThat(ids(secondContext.getClientSessionContext())).as("the second server's client cache").isEmpty();
        }
    }

    private static List<byte[]> ids(SSLSessionContext context) {
        return Collections.list(context.getIds());
    }
}
