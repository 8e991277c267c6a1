package dev.fakesmtp.internal;

import dev.fakesmtp.Envelope;
import dev.fakesmtp.Extension;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import dev.fakesmtp.internal.command.CommandHandlers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One client connection, served on its own thread with blocking I/O: greets, reads command
 * lines, dispatches them to the handlers and keeps the dialogue state the handlers share.
 */
public final class Session implements Runnable {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final int RFC_COMMAND_LINE = 512;

    private final Socket socket;
    private final ServerSettings settings;
    private final SessionRecord record;
    private final MailboxImpl mailbox;
    private final Runnable onClose;
    private final CommandHandlers handlers;
    private SmtpInput input;
    private ReplyWriter writer;
    private SessionState state = SessionState.CONNECTED;
    private Transaction transaction;
    private String heloName;
    private boolean esmtp;
    private boolean closeRequested;
    private int badCommandsInARow;
    private SmtpReply lastReply;
    private int transactionsDelivered;
    private volatile Thread thread;

    /** A session on an accepted socket; {@code onClose} runs when it has ended. */
    public Session(Socket socket, ServerSettings settings, SessionRecord record, MailboxImpl mailbox,
                   CommandHandlers handlers, Runnable onClose) {
        this.socket = socket;
        this.settings = settings;
        this.record = record;
        this.mailbox = mailbox;
        this.handlers = handlers;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.idleTimeout().toMillis())));
            writer = new ReplyWriter(socket.getOutputStream(), record,
                    settings.advertises(Extension.ENHANCED_STATUS_CODES));
            input = new SmtpInput(socket.getInputStream(), this::flushQuietly);
            writer.send(SmtpReply.of(220, "", settings.hostname() + " ESMTP fake-smtp ready"));
            while (!closeRequested) {
                CommandLine line = input.readLine(settings.maxCommandLineLength());
                if (line == null) {
                    record.violation(Violation.Type.NO_QUIT, "The client closed the connection without QUIT");
                    record.ended(SessionEnd.CLIENT_DISCONNECTED);
                    break;
                }
                handle(line);
            }
            writer.flush();
        } catch (SocketTimeoutException e) {
            endWith(SessionEnd.IDLE_TIMEOUT, SmtpReply.of(421, "4.4.2",
                    settings.hostname() + " Idle timeout, closing connection"));
        } catch (IOException e) {
            record.ended(socket.isClosed() ? SessionEnd.SERVER_SHUTDOWN : SessionEnd.CLIENT_DISCONNECTED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Session " + record.id() + " failed", e);
            endWith(SessionEnd.ERROR, SmtpReply.of(421, "4.3.0", settings.hostname() + " Internal error, closing"));
        } finally {
            closeSocket();
            onClose.run();
        }
    }

    private void handle(CommandLine line) throws IOException {
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        record.line(Direction.CLIENT, line.tooLong() ? text + "... (" + line.octets() + " octets)" : text);
        if (line.tooLong()) {
            reply(SmtpReply.of(500, "5.5.6", "Line too long (the limit is "
                    + settings.maxCommandLineLength() + " octets)"));
            countBadCommand(true);
            return;
        }
        if (line.bareLf()) {
            record.violation(Violation.Type.BARE_LF, "Command line ended in a bare LF: " + text);
        }
        if (line.octets() > RFC_COMMAND_LINE) {
            record.violation(Violation.Type.COMMAND_LINE_TOO_LONG,
                    line.octets() + " octets (RFC 5321 allows 512): " + text);
        }
        Command command = Command.parse(text);
        lastReply = null;
        handlers.dispatch(this, command);
        countBadCommand(lastReply != null && isBadCommandReply(lastReply.code()));
    }

    private static boolean isBadCommandReply(int code) {
        return code == 500 || code == 501 || code == 502 || code == 503 || code == 504 || code == 555;
    }

    private void countBadCommand(boolean bad) throws IOException {
        badCommandsInARow = bad ? badCommandsInARow + 1 : 0;
        if (badCommandsInARow >= settings.maxBadCommands()) {
            reply(SmtpReply.of(421, "4.7.0", settings.hostname() + " Too many bad commands, closing connection"));
            record.ended(SessionEnd.TOO_MANY_ERRORS);
            closeRequested = true;
        }
    }

    /** Queues a reply; it is written when the client's input is drained or at {@link #flush()}. */
    public void reply(SmtpReply reply) {
        lastReply = reply;
        writer.queue(reply);
    }

    /** Writes the queued replies now (before reading data the client waits to send). */
    public void flush() throws IOException {
        writer.flush();
    }

    /** Ends the session after the queued replies are written. */
    public void closeAfterReplies(SessionEnd how) {
        record.ended(how);
        closeRequested = true;
    }

    /**
     * Captures the current transaction's message: it is in the mailbox before this returns, so
     * before the client can see the 250. Returns the id used in the reply.
     */
    public String deliver(byte[] content) {
        transactionsDelivered++;
        Envelope.Builder envelope = Envelope.builder()
                .heloName(heloName == null ? "" : heloName)
                .mailFrom(transaction.mailFrom())
                .mailParameters(transaction.mailParameters())
                .clientAddress(record.clientAddress())
                .sessionId(record.id())
                .transactionIndex(transactionsDelivered)
                .receivedAt(Instant.now());
        transaction.recipients().forEach(envelope::addRecipient);
        mailbox.add(new ReceivedMail(envelope.build(), content));
        record.messageDelivered();
        endTransaction();
        return record.id() + "." + transactionsDelivered;
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
        return input;
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
        ReplyWriter current = writer;
        if (current != null) {
            try {
                current.send(SmtpReply.of(421, "4.3.2", settings.hostname() + " Service shutting down, closing"));
            } catch (IOException | RuntimeException e) {
                // The client is gone or stuck: closing the socket below is all that is left.
            }
        }
    }

    /** Closes the socket; safe from any thread and more than once. */
    public void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the socket is unusable either way.
        }
    }

    /** The thread serving this session, once it runs. */
    public Thread thread() {
        return thread;
    }

    private void endWith(SessionEnd how, SmtpReply reply) {
        record.ended(how);
        try {
            writer.send(reply);
        } catch (IOException | RuntimeException e) {
            // The client is gone; the session ends either way.
        }
    }

    private void flushQuietly() {
        try {
            writer.flush();
        } catch (IOException e) {
            // A failed write shows up as a failed read or write on the session thread next.
        }
    }
}
