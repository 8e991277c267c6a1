package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose only TLS is a second, implicit-TLS port on a free port ({@code implicitTlsPort(0)}):
 * that is TLS enough for {@code authOnlyAfterTls()}, which then refuses AUTH on the clear-text port
 * and accepts it on the TLS one.
 */
@Timeout(30)
class ImplicitTlsSecondPortAuthTest {

    @Test
    void authOnlyAfterTlsAcceptsAFreeImplicitTlsPortAsItsTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).authOnlyAfterTls().build().start()) {
            try (SmtpDialogue plain = SmtpDialogue.afterEhlo(server)) {
                plain.send(SmtpDialogue.authPlain("alice", "pw")).expect("538 5.7.11 ");
            }
            try (SmtpDialogue tls = SmtpDialogue.connectTls(server, server.implicitTlsPort(),
                    server.clientTls().sslContext())) {
                tls.expect("220 ");
                tls.send("EHLO client.test").expect("250 ");
                tls.send(SmtpDialogue.authPlain("alice", "pw")).expect("235 2.7.0 ");
            }
        }
    }
}
