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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Owns the listening socket: binds synchronously in {@link #start()}, accepts on a platform
 * thread, hands each connection to a new connection thread, and tracks open sessions so that
 * {@link #close()} can end them all within a bound.
 */
public final class Acceptor {

    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    /** At least 1024 (the kernel may cap it), so a burst of connects is not refused. */
    private static final int BACKLOG = 4096;

    private final ServerSettings settings;
    private final SessionHistory history;
    private final MailboxImpl mailbox;
    private final CommandHandlers handlers = new CommandHandlers();
    private final RuleSet rules = new RuleSet();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final Object lifecycle = new Object();
    private ServerSocket serverSocket;
    private ServerSocket implicitTlsSocket;
    private final List<Thread> acceptThreads = new java.util.ArrayList<>();
    private volatile boolean closing;

    /** An acceptor for these settings; nothing is bound until {@link #start()}. */
    public Acceptor(ServerSettings settings) {
        this.settings = settings;
        this.history = new SessionHistory(settings.sessionHistory());
        this.mailbox = new MailboxImpl(history::lastTranscriptTail);
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
        // On JDK 21+ a virtual thread: far cheaper to start and to stop than a platform thread.
        Thread thread = ConnectionThreads.newThread("fake-smtp-acceptor-" + socket.getLocalPort(),
                () -> acceptLoop(socket, implicitTls));
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
        SessionRecord record = new SessionRecord("s" + sessionCounter.incrementAndGet(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), settings.transcriptLineLimit());
        history.add(record);
        if (open.size() >= settings.maxConnections()) {
            refuse(socket, record);
            return;
        }
        Session[] holder = new Session[1];
        Session session = new Session(socket, implicitTls, settings, record, mailbox, handlers, rules,
                () -> open.remove(holder[0]));
        holder[0] = session;
        open.add(session);
        try {
            ConnectionThreads.newThread("fake-smtp-session-" + serverSocket.getLocalPort() + "-" + record.id().substring(1),
                    session).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            open.remove(session);
            refuse(socket, record);
        }
    }

    /** 421 4.3.2 for a connection over the limit, written here: a short reply into an empty buffer. */
    private void refuse(Socket socket, SessionRecord record) {
        record.ended(SessionEnd.CONNECTION_LIMIT);
        try (socket) {
            ReplyWriter writer = new ReplyWriter(socket.getOutputStream(), record, true);
            writer.send(SmtpReply.of(421, "4.3.2", settings.hostname() + " Too many connections, try again later"));
        } catch (IOException e) {
            // The client is already gone.
        }
    }

    /** Stops accepting, ends every session with 421 and waits for their threads within the bound. */
    public void close() {
        List<Thread> acceptors;
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
            closeQuietly(serverSocket);
            closeQuietly(implicitTlsSocket);
            acceptors = List.copyOf(acceptThreads);
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        acceptors.forEach(thread -> join(thread, deadline));
        List<Session> sessions = List.copyOf(open);
        // The 421s normally take microseconds; the whole shutdown timeout is only spent on a
        // client whose socket buffer is full, and closing the sockets below ends even that write.
        notifyShutdown(sessions, deadline);
        sessions.forEach(Session::closeSocket);
        for (Session session : sessions) {
            Thread thread = session.thread();
            if (thread != null) {
                thread.interrupt(); // ends a rule's delay; socket reads already fail on the closed socket
            }
        }
        for (Session session : sessions) {
            join(session.thread(), deadline);
        }
    }

    /**
     * Sends 421 to every open session from a helper thread, so a client that does not read (its
     * socket buffer full) cannot block close(): past the bound, the sockets are closed anyway.
     */
    private void notifyShutdown(List<Session> sessions, long deadline) {
        if (sessions.isEmpty()) {
            return;
        }
        Thread notifier = ConnectionThreads.newThread("fake-smtp-shutdown-" + serverSocket.getLocalPort(),
                () -> sessions.forEach(Session::shutdown));
        notifier.start();
        join(notifier, deadline);
    }

    private static void join(Thread thread, long deadline) {
        if (thread == null) {
            return;
        }
        long remaining = deadline - System.nanoTime();
        try {
            if (remaining > 0) {
                thread.join(Math.max(1, remaining / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Clears the mailbox, the remembered sessions and the failure rules. */
    public void reset() {
        rules.clear();
        mailbox.clear();
        history.clear();
    }

    /** The failure rules. */
    public RuleSet rules() {
        return rules;
    }
}
