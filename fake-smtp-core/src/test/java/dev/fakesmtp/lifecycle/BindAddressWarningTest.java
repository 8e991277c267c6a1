package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fakesmtp.FakeSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The README's promise for {@code bindAddress(..)}: anything but loopback logs a warning, since
 * other machines can then reach the test server; loopback logs none.
 */
@Timeout(30)
@Execution(ExecutionMode.SAME_THREAD) // one at a time: the loopback test must not see the other's warning
class BindAddressWarningTest {

    @Test
    void listeningOnEveryInterfaceLogsAWarningThatOtherMachinesCanConnect() {
        List<LogRecord> logged = logsOf(() -> FakeSmtpServer.builder().bindAddress("0.0.0.0").build().start().close());
        assertThat(logged).filteredOn(record -> record.getMessage().contains("listens on"))
                .extracting(LogRecord::getLevel, LogRecord::getMessage)
                .containsExactly(tuple(Level.WARNING, "fake-smtp listens on 0.0.0.0, not loopback: other machines can reach this test server"));
    }

    @Test
    void listeningOnLoopbackLogsNoWarning() {
        List<LogRecord> logged = logsOf(() -> FakeSmtpServer.builder().build().start().close());
        assertThat(logged).extracting(LogRecord::getMessage).noneMatch(message -> message.contains("not loopback"));
    }

    /** What the server's acceptor logged while {@code action} ran. */
    private static List<LogRecord> logsOf(Runnable action) {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.fakesmtp.internal.Acceptor");
        log.addHandler(capture);
        try {
            action.run();
        } finally {
            log.removeHandler(capture);
        }
        synchronized (logged) {
            return List.copyOf(logged);
        }
    }
}
