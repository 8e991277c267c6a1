package dev.fakesmtp.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * What {@link FakeSmtpContainers#sendMailTo} does when Testcontainers starts a container's
 * dependencies, called here directly; no Docker engine needed.
 */
@Timeout(10)
class FakeSmtpContainersTest {

    @Test
    void theServerStartsAndTheEnvironmentIsSetWhenTheContainerStarts() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build();
                GenericContainer<?> app = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer())) {
            assertThat(smtp.isRunning()).isFalse();
            assertThat(app.getEnvMap()).doesNotContainKey("MAIL_HOST");

            startDependencies(app);

            assertThat(smtp.isRunning()).isTrue();
            assertThat(app.getEnvMap()).containsEntry("MAIL_HOST", "127.0.0.1")
                    .containsEntry("MAIL_PORT", String.valueOf(smtp.port()));
        }
    }

    @Test
    void theVariablesCanHaveYourNames() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build();
                GenericContainer<?> app = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer(),
                        "SPRING_MAIL_HOST", "SPRING_MAIL_PORT")) {
            startDependencies(app);

            assertThat(app.getEnvMap()).containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                    .containsEntry("SPRING_MAIL_PORT", String.valueOf(smtp.port()))
                    .doesNotContainKeys("MAIL_HOST", "MAIL_PORT");
        }
    }

    @Test
    void theCallbackGetsTheContainerAndItsEndpointAtEveryStart() {
        List<String> calls = new CopyOnWriteArrayList<>();
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
                GenericContainer<?> app = hostNetworkContainer()) {
            GenericContainer<?> returned = FakeSmtpContainers.sendMailTo(smtp, app,
                    (container, endpoint) -> calls.add((container == app) + " " + endpoint));

            startDependencies(app);
            startDependencies(app);

            assertThat(returned).isSameAs(app);
            assertThat(calls).containsExactly("true " + SmtpEndpoint.hostNetwork(smtp), "true " + SmtpEndpoint.hostNetwork(smtp));
        }
    }

    @Test
    void containersThatStartTogetherStartTheServerOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build();
                GenericContainer<?> first = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer());
                GenericContainer<?> second = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer())) {
            CountDownLatch go = new CountDownLatch(1);
            Future<?> one = pool.submit(() -> awaitThenStart(go, first));
            Future<?> two = pool.submit(() -> awaitThenStart(go, second));
            go.countDown();
            one.get(5, TimeUnit.SECONDS);
            two.get(5, TimeUnit.SECONDS);

            assertThat(first.getEnvMap()).isEqualTo(second.getEnvMap()).containsEntry("MAIL_PORT", String.valueOf(smtp.port()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedServerCannotServeANewContainer() {
        FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
        smtp.close();
        try (GenericContainer<?> app = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer())) {
            assertThatThrownBy(() -> startDependencies(app))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("this GenericContainer sends mail to")
                    .hasMessageContaining("was closed before the container started");
        }
    }

    @Test
    void stoppingTheContainersDependencyLeavesTheServerRunning() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build();
                GenericContainer<?> app = FakeSmtpContainers.sendMailTo(smtp, hostNetworkContainer())) {
            startDependencies(app);
            app.getDependencies().forEach(Startable::stop);

            assertThat(smtp.isRunning()).isTrue();
            assertThat(app.getDependencies()).singleElement().asString().contains(smtp.toString());
        }
    }

    @Test
    void badArgumentsFailAtOnceNotWhenTheContainerStarts() {
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();
        try (GenericContainer<?> app = hostNetworkContainer()) {
            assertThatThrownBy(() -> FakeSmtpContainers.sendMailTo(null, app)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> FakeSmtpContainers.sendMailTo(smtp, (GenericContainer<?>) null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> FakeSmtpContainers.sendMailTo(smtp, app, null, "PORT"))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> FakeSmtpContainers.sendMailTo(smtp, app, "MAIL", "MAIL"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MAIL' twice");
            assertThat(app.getDependencies()).isEmpty();
        }
    }

    private static GenericContainer<?> hostNetworkContainer() {
        return new GenericContainer<>(DockerImageName.parse("example/app:1")).withNetworkMode("host");
    }

    /** What Testcontainers does first in {@code start()}, before it creates the container. */
    private static void startDependencies(GenericContainer<?> container) {
        container.getDependencies().forEach(Startable::start);
    }

    private static void awaitThenStart(CountDownLatch go, GenericContainer<?> container) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        startDependencies(container);
    }
}
