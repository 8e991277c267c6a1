package dev.fakesmtp.benchmarks.subject;

import com.dumbster.smtp.SimpleSmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.benchmarks.driver.Loopback;
import dev.fakesmtp.internal.ConnectionThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

/**
 * One running SMTP server of a subject, seen through the few operations the benchmarks need.
 * Each subject is configured as its documentation shows for tests, on loopback and a free port
 * where it can be told so.
 */
public interface ServerUnderTest extends AutoCloseable {

    /** The port clients connect to on 127.0.0.1. */
    int port();

    /** How many messages the server captured. */
    int messageCount();

    /** Forgets the captured messages. */
    void clear();

    /** Stops the server; the port is free afterwards. */
    @Override
    void close();

    /**
     * Starts a server of the named subject.
     *
     * @param maxConnections the connection limit, for subjects that have one (0 = their default)
     */
    static ServerUnderTest start(String subject, int maxConnections) {
        return switch (subject) {
            case "fake-smtp-vt", "fake-smtp-pt" -> fakeSmtp(FakeSmtpServer.builder(), maxConnections);
            case "fake-smtp-platform" -> fakeSmtp(platformThreads(), maxConnections);
            case "greenmail" -> greenMail();
            case "wiser" -> wiser(maxConnections);
            case "dumbster" -> dumbster();
            default -> throw new IllegalArgumentException("Unknown subject: " + subject);
        };
    }

    /** Fails unless this JVM runs the subject as intended (virtual threads or not, namespace). */
    static void checkEnvironment(String subject) {
        if (subject.equals("fake-smtp-vt") && !ConnectionThreads.virtual()) {
            throw new IllegalStateException("fake-smtp-vt needs a JDK 21+ (virtual threads)");
        }
        if (subject.equals("fake-smtp-pt") && ConnectionThreads.virtual()) {
            throw new IllegalStateException("fake-smtp-pt needs JDK 17 (platform threads)");
        }
        if (subject.equals("dumbster") && !Loopback.privateNetworkNamespace()) {
            throw new IllegalStateException("Dumbster binds every interface: run it only inside "
                    + "'unshare --net' (this process sees a non-loopback interface)");
        }
    }

    /**
     * A builder for a platform thread per connection: in a method of its own, so that a core
     * without {@code ThreadModel} (an old one under {@code --compare}) runs the other kinds.
     */
    private static FakeSmtpServer.Builder platformThreads() {
        return FakeSmtpServer.builder().threadModel(dev.fakesmtp.ThreadModel.PLATFORM);
    }

    private static ServerUnderTest fakeSmtp(FakeSmtpServer.Builder builder, int maxConnections) {
        if (maxConnections > 0) {
            builder.maxConnections(maxConnections);
        }
        FakeSmtpServer server = builder.build().start();
        return new ServerUnderTest() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public int messageCount() {
                return server.mailbox().size();
            }

            @Override
            public void clear() {
                server.reset();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static ServerUnderTest greenMail() {
        GreenMail server = new GreenMail(new ServerSetup(0, Loopback.ADDRESS.getHostAddress(), ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new ServerUnderTest() {
            @Override
            public int port() {
                return server.getSmtp().getPort();
            }

            @Override
            public int messageCount() {
                return server.getReceivedMessages().length;
            }

            @Override
            public void clear() {
                try {
                    server.purgeEmailFromAllMailboxes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    private static ServerUnderTest wiser(int maxConnections) {
        SMTPServer.Builder builder = SMTPServer.port(0).bindAddress(Loopback.ADDRESS).hostName("localhost");
        if (maxConnections > 0) {
            builder.maxConnections(maxConnections);
        }
        Wiser server = Wiser.create(builder);
        server.start();
        return new ServerUnderTest() {
            @Override
            public int port() {
                return server.getServer().getPortAllocated();
            }

            @Override
            public int messageCount() {
                return server.getMessages().size();
            }

            @Override
            public void clear() {
                server.getMessages().clear();
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    private static ServerUnderTest dumbster() {
        if (!Loopback.privateNetworkNamespace()) {
            throw new IllegalStateException("Refusing to start Dumbster outside a private network namespace");
        }
        SimpleSmtpServer server;
        try {
            server = SimpleSmtpServer.start(SimpleSmtpServer.AUTO_SMTP_PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerUnderTest() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public int messageCount() {
                return server.getReceivedEmails().size();
            }

            @Override
            public void clear() {
                server.reset();
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }
}
