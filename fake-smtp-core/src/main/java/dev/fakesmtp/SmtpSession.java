package dev.fakesmtp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One client connection as the server saw it: its transcript, the client's protocol
 * violations and how it ended. Thread-safe; lists are snapshots. Get them from
 * {@link FakeSmtpServer#sessions()}.
 */
public interface SmtpSession {

    /**
     * The id of this session ({@code s1}, {@code s2}, ...), also found on the envelope of every
     * message it sent; unique for the server's life, {@code reset()} included.
     *
     * @return the session's id
     */
    String id();

    /** {@return the client's address and port} */
    InetSocketAddress clientAddress();

    /** {@return when the connection was accepted} */
    Instant startedAt();

    /** {@return when the connection closed, empty while it is open} */
    Optional<Instant> endedAt();

    /** {@return how the session ended, {@link SessionEnd#OPEN} while it is open} */
    SessionEnd end();

    /**
     * Waits until the session has ended (the server noticed the client leave, timed it out,
     * or closed it) and returns how.
     *
     * @param timeout how long to wait at most
     * @return how the session ended
     * @throws AssertionError if it is still open after {@code timeout}; the message shows the transcript
     */
    SessionEnd awaitEnd(java.time.Duration timeout);

    /** {@return the name from the last EHLO or HELO, empty before one} */
    Optional<String> heloName();

    /**
     * Every line in and out, in order, with the server's notes between them (see
     * {@link TranscriptLine}). Message content is elided past a configured size, and a transcript
     * keeps about its newest 1 MiB of text (and {@code transcriptLineLimit} lines); once the
     * ended sessions' transcripts pass about 32 MiB together, the oldest are dropped. A note in
     * front says what was dropped.
     *
     * @return a snapshot of the transcript
     */
    List<TranscriptLine> transcript();

    /**
     * The transcript as {@code C:}, {@code S:} and {@code --} (note) lines joined with newlines,
     * for failure messages.
     *
     * @return the transcript as text
     */
    String transcriptText();

    /** {@return the client's protocol violations, in the order they happened} */
    List<Violation> violations();

    /** {@return how many messages this session delivered into the mailbox} */
    int messageCount();

    /** {@return the TLS the session negotiated (STARTTLS or implicit), empty while it is in clear text} */
    Optional<TlsInfo> tls();

    /** {@return why the TLS handshake failed, empty when it did not fail (or never started)} */
    Optional<String> tlsFailure();

    /** {@return the successful AUTH of this session, empty before (or without) one} */
    Optional<Authentication> authentication();
}
