package dev.fakesmtp.internal;

import dev.fakesmtp.Authentication;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import dev.fakesmtp.internal.command.CommandHandlers;
import dev.fakesmtp.internal.rules.RuleClosedConnection;
import dev.fakesmtp.internal.rules.RuleSet;
import dev.fakesmtp.internal.tls.TlsHandshake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One client connection, served on its own thread with blocking I/O: greets, reads command
 * lines, dispatches them to the handlers and keeps the dialogue state the handlers share.
 */
public final class Session implements Runnable {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final Connection connection;
    private final boolean implicitTls;
    private final ServerSettings settings;
    private final SessionRecord record;
    private final Runnable onClose;
    private final LineHandler lines;
    private final RuleSet rules;
    private TlsInfo tls;
    private Authentication authentication;
    private SessionState state = SessionState.CONNECTED;
    private Transaction transaction;
    private String heloName;
    private boolean esmtp;
    private boolean closeRequested;
    private SmtpReply lastReply;
    private final Delivery delivery;
    private volatile Thread thread;

    /** A session on an accepted socket; {@code onClose} runs when it has ended. */
    public Session(Socket socket, boolean implicitTls, ServerSettings settings, SessionRecord record,
                   MailboxImpl mailbox, CommandHandlers handlers, RuleSet rules, Runnable onClose) {
        this.rules = rules;
        this.connection = new Connection(socket, settings, record);
        this.implicitTls = implicitTls;
        this.settings = settings;
        this.record = record;
        this.delivery = new Delivery(mailbox, record);
        this.lines = new LineHandler(this, handlers);
        this.onClose = onClose;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            connection.open();
            if (!Greeting.greet(this, implicitTls)) {
                return;
            }
            flush();
            while (!closeRequested) {
                CommandLine line = connection.input().readLine(Math.max(settings.maxCommandLineLength(), LineHandler.AUTH_LINE));
                if (line == null) {
                    record.violation(Violation.Type.NO_QUIT, "The client closed the connection without QUIT");
                    record.ended(SessionEnd.CLIENT_DISCONNECTED);
                    break;
                }
                lines.handle(line);
            }
            flush();
        } catch (TlsHandshake.Failed e) {
            record.tlsFailure(e.getMessage());
            record.ended(SessionEnd.TLS_HANDSHAKE_FAILED);
        } catch (RuleClosedConnection e) {
            record.ended(SessionEnd.CLOSED_BY_RULE);
        } catch (SocketTimeoutException e) {
            if (connection.deadlinePassed()) {
                endWith(SessionEnd.SESSION_TIME_LIMIT, SmtpReply.of(421, "4.4.2",
                        settings.hostname() + " Session time limit exceeded, closing connection"));
            } else {
                endWith(SessionEnd.IDLE_TIMEOUT, SmtpReply.of(421, "4.4.2",
                        settings.hostname() + " Idle timeout, closing connection"));
            }
        } catch (IOException e) {
            if (connection.isClosed()) {
                record.ended(SessionEnd.SERVER_SHUTDOWN);
            } else {
                // The client went away (EOF mid-DATA, reset, ...) without QUIT.
                record.violation(Violation.Type.NO_QUIT, "The client closed the connection without QUIT: " + e.getMessage());
                record.ended(SessionEnd.CLIENT_DISCONNECTED);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Session " + record.id() + " failed", e);
            endWith(SessionEnd.ERROR, SmtpReply.of(421, "4.3.0", settings.hostname() + " Internal error, closing"));
        } finally {
            record.ended(SessionEnd.ERROR); // only if nothing above ended it, e.g. an Error escaped
            closeSocket();
            onClose.run();
        }
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
        heloName = name;
        esmtp = extended;
        record.helo(name);
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

    /** The client's input, for DATA and BDAT. */
    public SmtpInput input() {
        return connection.input();
    }

    /** The client's address. */
    public InetSocketAddress clientAddress() {
        return record.clientAddress();
    }

    /**
     * Called by the server's close(), on another thread: sends 421 so the client knows, then
     * closes the socket, which makes the session thread's blocking read fail and end.
     */
    public void shutdown() {
        record.ended(SessionEnd.SERVER_SHUTDOWN);
        connection.trySendFromOtherThread(
                SmtpReply.of(421, "4.3.2", settings.hostname() + " Service shutting down, closing"));
    }

    /** Closes the TCP socket (not a TLS layer, whose close may block); safe from any thread. */
    public void closeSocket() {
        connection.close(false);
    }

    /** The thread serving this session, once it runs. */
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

    /** Forgets the last reply, before a new command. */
    void clearLastReply() {
        lastReply = null;
    }
}
