package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A started server, the declaration it came from, and the lock that tests sharing it take so
 * that one test's reset never clears another test's mail.
 */
public final class ManagedServer {

    private final ServerDeclaration declaration;
    private final FakeSmtpServer server;
    private final boolean owned;
    // Reentrant and owned by the test's thread: JUnit runs a test's before and after callbacks on
    // one thread, and a thread that steals another test while joining must not deadlock on itself.
    private final ReentrantLock testLock = new ReentrantLock();

    private ManagedServer(ServerDeclaration declaration, FakeSmtpServer server, boolean owned) {
        this.declaration = declaration;
        this.server = server;
        this.owned = owned;
    }

    /**
     * Starts the server unless the user already did, and takes charge of closing it.
     *
     * @throws ExtensionConfigurationException if it was closed before or cannot bind
     */
    public static ManagedServer start(ServerDeclaration declaration, FakeSmtpServer server) {
        if (!server.isRunning()) {
            try {
                server.start();
            } catch (IllegalStateException e) {
                throw new ExtensionConfigurationException("@SmtpServer " + declaration.origin() + " holds a server"
                        + " that was already closed, and a server starts only once. Build a new server for the"
                        + " field instead of reusing one.", e);
            } catch (FakeSmtpException e) {
                throw new ExtensionConfigurationException("@SmtpServer " + declaration.origin() + " could not"
                        + " start: " + e.getMessage(), e);
            }
        }
        if (declaration.webUi() && server.webUiUri().isEmpty()) {
            server.close();
            throw new ExtensionConfigurationException("@SmtpServer(webUi = true) " + declaration.origin()
                    + " holds a server built without the web UI, and a built server cannot be changed. Build it"
                    + " with FakeSmtpServer.builder().webUi() instead (or run with -D"
                    + FakeSmtpServer.WEB_UI_PROPERTY + "=true).");
        }
        return new ManagedServer(declaration, server, true);
    }

    /** A running server someone else started and closes (a Spring context's): injectable, never closed here. */
    static ManagedServer borrowed(ServerDeclaration declaration, FakeSmtpServer server) {
        return new ManagedServer(declaration, server, false);
    }

    /** Where the server was declared and what it is called. */
    public ServerDeclaration declaration() {
        return declaration;
    }

    /** The running server. */
    public FakeSmtpServer server() {
        return server;
    }

    /** Waits until no other test uses this shared server. */
    void lockForTest() {
        testLock.lock();
    }

    /** Lets the next test that shares this server go on; does nothing on a thread without the lock. */
    void unlockAfterTest() {
        if (testLock.isHeldByCurrentThread()) {
            testLock.unlock();
        }
    }

    /** Closes the server (idempotent), unless it is borrowed. */
    void close() {
        if (owned) {
            server.close();
        }
    }

    /** How messages name the server: {@code 'smtp' (field SignupTest.smtp)}. */
    @Override
    public String toString() {
        return declaration.displayName() + " (" + declaration.origin() + ")";
    }
}
