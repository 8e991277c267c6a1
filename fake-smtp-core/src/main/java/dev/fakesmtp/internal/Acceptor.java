package dev.fakesmtp.internal;

import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.internal.command.CommandHandlers;
import dev.fakesmtp.internal.rules.RuleSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Owns the listening sockets: binds synchronously in {@link #start()}, accepts on a thread of
 * its own, hands each connection to a new connection thread, and tracks open sessions so that
 * {@link #close()} can end them all, and join every thread it started, within a bound.
 */
public final class Acceptor {

    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    /** At least 1024 (the kernel may cap it), so a burst of connects is not refused. */
    private static final int BACKLOG = 4096;

    private final ServerSettings settings;
    private final SessionHistory history;
    private final MailboxImpl mailbox;
    private final RuleSet rules = new RuleSet();
    /** Every session whose thread was started and has not ended, implicit-TLS refusals included. */
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    /** How many of {@link #open} are implicit-TLS connections over the limit, only being refused. */
    private final AtomicInteger refusing = new AtomicInteger();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final Watchdog watchdog;
    private final SessionServices services;
    private final Object lifecycle = new Object();
    private ServerSocket serverSocket;
    private ServerSocket implicitTlsSocket;
    private final List<Thread> acceptThreads = new ArrayList<>();
    private volatile boolean closing;

    /** An acceptor for these settings; nothing is bound until {@link #start()}. */
    public Acceptor(ServerSettings settings) {
        this.settings = settings;
        this.history = new SessionHistory(settings.sessionHistory());
        this.mailbox = new MailboxImpl(history::lastTranscriptTail);
        Duration quiet = settings.idleTimeout().compareTo(settings.maxSessionDuration()) < 0
                ? settings.idleTimeout() : settings.maxSessionDuration();
        this.watchdog = new Watchdog(open, quiet);
        this.services = new SessionServices(settings, mailbox, new CommandHandlers(), rules, watchdog, new RecentValues());
    }

    /** Binds (every port, or none) and starts the accept threads. */
    public void start() {
        synchronized (lifecycle) {
            if (serverSocket != null || closing) {
                throw new IllegalStateException("A FakeSmtpServer can be started only once");
            }
            ServerSocket main = bind(settings.port());
            ServerSocket implicit = null;
            if (settings.tls().implicitTlsPort() >= 0) {
                try {
                    implicit = bind(settings.tls().implicitTlsPort());
                } catch (FakeSmtpException e) {
                    closeQuietly(main);
                    throw e;
                }
            }
            if (!settings.bindAddress().isLoopbackAddress()) {
                LOG.log(System.Logger.Level.WARNING, "fake-smtp listens on " + settings.bindAddress().getHostAddress()
                        + ", not loopback: other machines can reach this test server");
            }
            serverSocket = main;
            implicitTlsSocket = implicit;
            listen(main, settings.tls().implicitTlsOnly());
            if (implicit != null) {
                listen(implicit, true);
            }
        }
    }

    private ServerSocket bind(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.bindAddress(), port), BACKLOG);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new FakeSmtpException("Cannot listen on " + settings.bindAddress().getHostAddress() + ":"
                    + port + ": " + e.getMessage() + (port == 0 ? "" : " (use port 0 to get a free port)"), e);
        }
    }

    private void listen(ServerSocket socket, boolean implicitTls) {
        // On JDK 21+ a virtual thread: far cheaper to start and to stop than a platform thread. With
        // platform threads for the connections, the acceptor is one too: then each accept wakes
        // one thread, not the JDK's poller and a carrier.
        Thread thread = ConnectionThreads.newThread("fake-smtp-acceptor-" + socket.getLocalPort(),
                () -> acceptLoop(socket, implicitTls), settings.virtualThreads());
        acceptThreads.add(thread);
        thread.start();
    }

    private void acceptLoop(ServerSocket listening, boolean implicitTls) {
        while (!closing) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (SocketException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                    LockSupport.parkNanos(10_000_000L); // e.g. out of file descriptors: do not spin
                }
                continue;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                LockSupport.parkNanos(10_000_000L);
                continue;
            }
            if (closing) {
                closeQuietly(socket);
                return;
            }
            serve(socket, implicitTls);
        }
    }

    private synchronized void serve(Socket socket, boolean implicitTls) {
        int number = sessionCounter.incrementAndGet();
        SessionRecord record = new SessionRecord("s" + number,
                (InetSocketAddress) socket.getRemoteSocketAddress(), settings.transcriptLineLimit());
        history.add(record);
        boolean overLimit = open.size() - refusing.get() >= settings.maxConnections();
        if (overLimit && !implicitTls) {
            refuse(socket, record);
            return;
        }
        if (overLimit && refusing.get() >= settings.maxConnections()) {
            // A flood of TLS connections over the limit: refusing each in TLS would take a thread each.
            record.ended(SessionEnd.CONNECTION_LIMIT);
            closeQuietly(socket);
            return;
        }
        Session session = new Session(socket, implicitTls, overLimit, record, services, this::ended);
        if (overLimit) {
            refusing.incrementAndGet();
        }
        open.add(session);
        try {
            watchdog.startOnce("fake-smtp-watchdog-" + serverSocket.getLocalPort());
            // Named after the main port and the session's id, so a thread dump tells servers and sessions apart.
            session.start("fake-smtp-session-" + serverSocket.getLocalPort() + "-" + number);
        } catch (RuntimeException | OutOfMemoryError e) {
            ended(session);
            if (implicitTls) {
                record.ended(SessionEnd.CONNECTION_LIMIT);
                closeQuietly(socket);
            } else {
                refuse(socket, record);
            }
        }
    }

    /**
     * Under the same lock as {@link #serve}: between this method's two updates a refused session
     * is out of {@link #open} but still counted as refusing, so a connection accepted in that
     * instant would be let past the limit.
     */
    private synchronized void ended(Session session) {
        if (open.remove(session) && session.overLimit()) {
            refusing.decrementAndGet();
        }
    }

    /** 421 4.3.2 for a connection over the limit, written here: a short reply into an empty buffer. */
    private void refuse(Socket socket, SessionRecord record) {
        record.ended(SessionEnd.CONNECTION_LIMIT);
        try (socket) {
            ReplyWriter writer = new ReplyWriter(socket.getOutputStream(), record, true);
            writer.send(tooManyConnections(settings));
        } catch (IOException e) {
            // The client is already gone.
        }
    }

    /** The reply to a connection over the limit, in clear text or, on an implicit-TLS port, after the handshake. */
    static SmtpReply tooManyConnections(ServerSettings settings) {
        return SmtpReply.of(421, "4.3.2", settings.hostname() + " Too many connections, try again later");
    }

    /**
     * Stops accepting, ends every session with 421 and joins every thread the server started,
     * all within the shutdown timeout, whatever the clients do.
     */
    public void close() {
        List<Thread> acceptors;
        int port;
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
            closeQuietly(serverSocket);
            closeQuietly(implicitTlsSocket);
            acceptors = List.copyOf(acceptThreads);
            port = serverSocket == null ? 0 : serverSocket.getLocalPort();
        }
        long deadline = System.nanoTime() + SessionLimits.nanos(settings.shutdownTimeout());
        // Once the acceptors have ended, no session can start: the list below is complete.
        acceptors.forEach(thread -> Threads.join(thread, deadline));
        Shutdown.endAll(List.copyOf(open), settings.shutdownTimeout(), deadline, "fake-smtp-shutdown-" + port);
        watchdog.stop(deadline);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing: nothing left to do with it.
        }
    }

    /** The bound address. */
    public InetSocketAddress boundAddress() {
        synchronized (lifecycle) {
            if (serverSocket == null) {
                throw new IllegalStateException("The server is not started: call start() first");
            }
            return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
        }
    }

    /** The bound implicit-TLS address: the second port, or the main one for an implicit-TLS-only server. */
    public InetSocketAddress implicitTlsAddress() {
        synchronized (lifecycle) {
            if (settings.tls().implicitTlsOnly()) {
                return boundAddress();
            }
            if (serverSocket == null) {
                throw new IllegalStateException("The server is not started: call start() first");
            }
            if (implicitTlsSocket == null) {
                throw new IllegalStateException("The server has no implicit TLS port: configure it with "
                        + "implicitTlsPort(0) or implicitTls()");
            }
            return new InetSocketAddress(implicitTlsSocket.getInetAddress(), implicitTlsSocket.getLocalPort());
        }
    }

    /** True once start() bound the socket (also after close). */
    public boolean isStarted() {
        synchronized (lifecycle) {
            return serverSocket != null;
        }
    }

    /** True once close() was called. */
    public boolean isClosed() {
        return closing;
    }

    /** True between start() and close(). */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return serverSocket != null && !closing;
        }
    }

    /** The mailbox. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** The remembered sessions, oldest first. */
    public List<SmtpSession> sessions() {
        return history.snapshot();
    }

    /** How many connections are open now. */
    public int openConnections() {
        return open.size();
    }

    /** Clears the mailbox and its listeners, the remembered sessions and the failure rules. */
    public void reset() {
        rules.clear();
        mailbox.reset();
        history.clear();
    }

    /** The failure rules. */
    public RuleSet rules() {
        return rules;
    }
}
