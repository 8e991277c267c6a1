package dev.fakesmtp.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.testcontainers.SmtpEndpoint.Route;
import dev.fakesmtp.testcontainers.support.MsmtpContainer;
import dev.fakesmtp.testcontainers.support.MsmtpContainer.Delivery;
import dev.fakesmtp.testcontainers.support.RequiresDocker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The other route: a container on Docker's default network reaches the server through
 * Testcontainers' host-port exposure, at {@code host.testcontainers.internal}. It needs
 * Testcontainers' sshd image; where no registry can deliver it (CI),
 * {@code src/test/docker/build-sshd-image.sh} builds a stand-in under the same name.
 */
@RequiresDocker(sshd = true)
@SmtpServer
@Testcontainers
@Timeout(120)
class ExposedHostPortTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

    @Container
    static MsmtpContainer app = FakeSmtpContainers.sendMailTo(smtp, new MsmtpContainer().withNetworkMode("bridge"));

    @Test
    void aContainerOnTheDefaultNetworkSendsThroughTheExposedPort(Mailbox mailbox) {
        assertThat(SmtpEndpoint.forContainer(smtp, app).route()).isEqualTo(Route.EXPOSED_HOST_PORT);
        assertThat(app.getEnvMap()).containsEntry("MAIL_HOST", SmtpEndpoint.EXPOSED_HOST)
                .containsEntry("MAIL_PORT", String.valueOf(smtp.port()));
        // On the bridge, the container's loopback is its own: the tunnel is its only way to the server.
        assertThat(app.getContainerInfo().getNetworkSettings().getNetworks()).containsOnlyKeys("bridge");

        Delivery delivery = app.send("Subject: Through the tunnel\n\nHello.\n",
                "--from=app@example.com", "--tls=off", "bob@example.com");

        assertThat(delivery.exitStatus()).as(delivery.stderr()).isZero();
        assertThat(mailbox.awaitMessages(1, Duration.ofSeconds(10)).get(0).subject()).isEqualTo("Through the tunnel");
    }
}
