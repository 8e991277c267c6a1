package dev.fakesmtp.internal;

import dev.fakesmtp.Authentication;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import dev.fakesmtp.internal.rules.RuleClosedConnection;
import dev.fakesmtp.internal.rules.RuleSet;
import dev.fakesmtp.internal.tls.TlsHandshake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One client connection, served on its own thread with blocking I/O: greets, reads command
 * lines, dispatches them to the handlers and keeps the dialogue state the handlers share.
 */
public final class Session implements Runnable, Watchdog.Watched {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final Connection connection;
    private final boolean implicitTls;
    private final boolean overLimit;
    private final ServerSettings settings;
    private final SessionRecord record;
    private final Consumer<Session> onClose;
    private final LineHandler lines;
    private final RuleSet rules;
    private final RecentValues recentValues;
    private TlsInfo tls;
    private Authentication authentication;
    private SessionState state = SessionState.CONNECTED;
    private Transaction transaction;
    private String heloName;
    private boolean esmtp;
    private boolean closeRequested;
    private SmtpReply lastReply;
    private EhloFilter ehloFilter;
    private final Delivery delivery;
    private volatile Thread thread;

    /**
     * A session on an accepted socket; {@code onClose} runs when it has ended. An implicit-TLS
     * connection {@code overLimit} is only told 421 4.3.2, inside TLS.
     */
    Session(Socket socket, boolean implicitTls, boolean overLimit, SessionRecord record, SessionServices services,
            Consumer<Session> onClose) {
        this.settings = services.settings();
        this.rules = services.rules();
        this.recentValues = services.recentValues();
        this.connection = new Connection(socket, settings, record, services.watchdog(), settings.virtualThreads());
        this.implicitTls = implicitTls;
        this.overLimit = overLimit;
        this.record = record;
        this.delivery = new Delivery(services.mailbox(), record);
        this.lines = new LineHandler(this, services.handlers());
        this.onClose = onClose;
    }

    /** Starts the session on a new thread named {@code name}; {@link #thread()} is set before it runs. */
    void start(String name) {
        Thread started = ConnectionThreads.newThread(name, this, settings.virtualThreads());
        thread = started;
        started.start();
    }

    @Override
    public void run() {
        boolean inOrder = false; // whether the session ends with close_notify under TLS
        try {
            connection.open();
            if (overLimit) {
                refuseInTls();
                inOrder = true;
            } else if (Greeting.greet(this, implicitTls)) {
                flush();
                while (!closeRequested) {
                    CommandLine line = connection.input().readLine(Math.max(settings.maxCommandLineLength(), LineHandler.AUTH_LINE));
                    if (line == null) {
                        clientLeft("");
                        break;
                    }
                    lines.handle(line);
                }
                flush();
                inOrder = true;
            }
        } catch (TlsHandshake.Failed e) {
            record.tlsFailure(e.getMessage());
            record.ended(connection.limits().timeIsUp() ? SessionEnd.SESSION_TIME_LIMIT : SessionEnd.TLS_HANDSHAKE_FAILED);
        } catch (RuleClosedConnection e) {
            record.ended(SessionEnd.CLOSED_BY_RULE);
        } catch (SocketTimeoutException e) {
            if (connection.limits().timeIsUp()) {
                endWith(SessionEnd.SESSION_TIME_LIMIT, SmtpReply.of(421, "4.4.2",
                        settings.hostname() + " Session time limit exceeded, closing connection"));
            } else {
                endWith(SessionEnd.IDLE_TIMEOUT, SmtpReply.of(421, "4.4.2",
                        settings.hostname() + " Idle timeout, closing connection"));
            }
            inOrder = true;
        } catch (IOException e) {
            if (connection.isClosed()) {
                record.ended(SessionEnd.SERVER_SHUTDOWN); // or what closed it (the watchdog) said first
            } else {
                // The client went away (EOF mid-DATA, reset, ...) without QUIT.
                clientLeft(": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Session " + record.id() + " failed", e);
            endWith(SessionEnd.ERROR, SmtpReply.of(421, "4.3.0", settings.hostname() + " Internal error, closing"));
            inOrder = true;
        } finally {
            record.ended(SessionEnd.ERROR); // only if nothing above ended it, e.g. an Error escaped
            if (inOrder) {
                connection.closeInOrder();
            } else {
                connection.close(false);
            }
            onClose.accept(this);
        }
    }

    /** The client hung up; without QUIT that is a violation, unless the server had already ended the session (421). */
    private void clientLeft(String detail) {
        if (!record.isEnded()) {
            record.violation(Violation.Type.NO_QUIT, "The client closed the connection without QUIT" + detail);
        }
        record.ended(SessionEnd.CLIENT_DISCONNECTED);
    }

    /** An implicit-TLS connection over the limit: the handshake, so the client can read the 421 (RFC 8314 §3.3). */
    private void refuseInTls() throws IOException {
        record.ended(SessionEnd.CONNECTION_LIMIT);
        useImplicitTls();
        connection.sendQuietly(Acceptor.tooManyConnections(settings));
    }

    /** True for an implicit-TLS connection over the connection limit, which is only refused. */
    boolean overLimit() {
        return overLimit;
    }

    /** The session's time limit, and any blocking write or handshake, as the watchdog sees them. */
    @Override
    public long watch(long now, long quiet) {
        return connection.limits().watch(now, quiet);
    }

    /** Reads and writes on the plain socket. */
    void usePlainStreams() throws IOException {
        connection.usePlainStreams();
    }

    /** Runs the implicit-TLS handshake and reads and writes through it. */
    void useImplicitTls() throws IOException {
        useTls(true);
    }

    /** True when the client has sent bytes that are waiting unread on the plain socket. */
    boolean clientSentEarly() throws IOException {
        return connection.clientSentEarly();
    }

    /** Queues a reply without counting it as the current command's. */
    void queue(SmtpReply reply) {
        connection.writer().queue(reply);
    }

    private void useTls(boolean implicit) throws IOException {
        tls = connection.useTls(implicit);
        record.tls(tls);
    }

    /**
     * STARTTLS after its 220 went out: drops anything the client pipelined behind the command
     * (RFC 3207 §4.2, against command injection), runs the handshake, and forgets everything
     * learned in clear text: EHLO, transaction and AUTH (RFC 3207 §4.2).
     */
    public void startTls() throws IOException {
        flush();
        int discarded = connection.input().discardBuffered();
        if (discarded > 0) {
            record.violation(Violation.Type.DATA_AFTER_STARTTLS,
                    discarded + " octets sent after STARTTLS before the handshake were discarded");
        }
        useTls(false);
        heloName = null;
        esmtp = false;
        authenticated(null);
        endTransaction();
    }

    /** The negotiated TLS, or null in clear text. */
    public TlsInfo tls() {
        return tls;
    }

    /** Records a successful AUTH (or forgets it with null). */
    public void authenticated(Authentication done) {
        authentication = done;
        record.authentication(done);
    }

    /** The session's successful AUTH, or null. */
    public Authentication authentication() {
        return authentication;
    }

    /** Queues a reply caused by a failure rule; the transcript names the rule. */
    public void reply(SmtpReply reply, String rule) {
        lastReply = reply;
        connection.writer().queue(reply, rule);
    }

    /** The last reply queued for the current command, or null. */
    public SmtpReply lastReply() {
        return lastReply;
    }

    /** The server's recent addresses and recipients, for transactions that repeat them. */
    public RecentValues recentValues() {
        return recentValues;
    }

    /** The server's failure rules. */
    public RuleSet rules() {
        return rules;
    }

    /** The TCP socket's output, under any TLS layer (to break a handshake on purpose). */
    public java.io.OutputStream rawOutput() throws IOException {
        return connection.rawOutput();
    }

    /** Ends the session now: closes the socket, with an RST when {@code reset} is true. */
    public void abort(SessionEnd how, boolean reset) {
        record.ended(how);
        closeRequested = true;
        connection.close(reset);
    }

    /** Queues a reply; it is written when the client's input is drained or at {@link #flush()}. */
    public void reply(SmtpReply reply) {
        lastReply = reply;
        connection.writer().queue(reply);
    }

    /** True once the session is to end after the queued replies. */
    boolean closing() {
        return closeRequested;
    }

    /** Writes the queued replies now (before reading data the client waits to send). */
    public void flush() throws IOException {
        connection.writer().flush();
    }

    /** Ends the session after the queued replies are written. */
    public void closeAfterReplies(SessionEnd how) {
        record.ended(how);
        closeRequested = true;
    }

    /** The message of the current transaction as it would be captured, not yet in the mailbox. */
    public ReceivedMail prepareMail(byte[] content) {
        return delivery.prepare(this, heloName, content);
    }

    /**
     * Captures a prepared message: it is in the mailbox before this returns, so before the
     * client can see the 250. Returns the id used in the reply.
     */
    public String deliver(ReceivedMail mail) {
        delivery.deliver(mail);
        return dropTransaction();
    }

    /** Ends the transaction without capturing it (a black-hole rule); returns a queue id all the same. */
    public String dropTransaction() {
        endTransaction();
        return delivery.nextQueueId();
    }

    /** Opens a transaction (after a valid MAIL). */
    public void beginTransaction(Transaction opened) {
        transaction = opened;
        state = SessionState.MAIL;
    }

    /** Drops the transaction; the session is READY again (or still CONNECTED before EHLO/HELO). */
    public void endTransaction() {
        transaction = null;
        state = heloName == null ? SessionState.CONNECTED : SessionState.READY;
    }

    /** Records EHLO/HELO: resets any transaction (RFC 5321 §4.1.4). */
    public void greeted(String name, boolean extended) {
        heloName = recentValues.shared(name);
        esmtp = extended;
        record.helo(heloName);
        endTransaction();
    }

    /** Moves to another state (the handlers do this as the transition table allows). */
    public void state(SessionState next) {
        state = next;
    }

    /** The current dialogue state. */
    public SessionState state() {
        return state;
    }

    /** The open transaction, or null. */
    public Transaction transaction() {
        return transaction;
    }

    /** True after EHLO (ESMTP parameters allowed), false after HELO or before either. */
    public boolean esmtp() {
        return esmtp;
    }

    /** The server's settings. */
    public ServerSettings settings() {
        return settings;
    }

    /** What the server records of this session. */
    public SessionRecord record() {
        return record;
    }

    /** True once the session time limit has passed. */
    boolean timeIsUp() {
        return connection.limits().timeIsUp();
    }

    /** While true, reads wait for the session's time limit only, not the idle timeout (a stall rule). */
    void outlastIdle(boolean outlast) {
        connection.limits().outlastIdle(outlast);
    }

    /** Waits up to {@code millis} for the client without taking its bytes; see {@link Connection#watchClient}. */
    Connection.ClientActivity watchClient(long millis) throws IOException {
        return connection.watchClient(millis);
    }

    /** The client's input, for DATA and BDAT. */
    public SmtpInput input() {
        return connection.input();
    }

    /** The client's address. */
    public InetSocketAddress clientAddress() {
        return record.clientAddress();
    }

    /** Called by the server's close() first: whatever happens next, the session ends because of it. */
    void markShutdown() {
        record.ended(SessionEnd.SERVER_SHUTDOWN);
    }

    /**
     * Called by the server's close(), on another thread: sends 421 so the client knows, and ends
     * the output (close_notify under TLS); closing the socket afterwards makes the session
     * thread's blocking read fail and end. Returns false when the session thread kept writing
     * past {@code turnUntil}, so nothing was sent; writes block until {@code writesUntil} at most.
     */
    boolean shutdown(long turnUntil, long writesUntil) {
        return connection.sendLastFromOtherThread(
                SmtpReply.of(421, "4.3.2", settings.hostname() + " Service shutting down, closing"), turnUntil, writesUntil);
    }

    /** Closes the TCP socket (not a TLS layer, whose close may block); safe from any thread. */
    public void closeSocket() {
        connection.close(false);
    }

    /** The thread serving this session; set before it starts. */
    public Thread thread() {
        return thread;
    }

    private void endWith(SessionEnd how, SmtpReply reply) {
        record.ended(how);
        connection.sendQuietly(reply);
    }

    /**
     * Records a client protocol violation; returns true when the server is strict, so the caller
     * answers with an error instead of going on.
     */
    public boolean violation(Violation.Type type, String detail) {
        record.violation(type, detail);
        return settings.strict();
    }

    /** Forgets the last reply and any rule's changes to it, before a new command. */
    void clearLastReply() {
        lastReply = null;
        ehloFilter = null;
    }

    /** A rule asks that the EHLO reply to the current command leave out these keywords. */
    void hideInEhloReply(List<String> keywords, String rule) {
        ehloFilter = new EhloFilter(Set.copyOf(keywords), rule);
    }

    /** What a rule hides from the EHLO reply to the current command, or null. */
    public EhloFilter ehloFilter() {
        return ehloFilter;
    }

}
