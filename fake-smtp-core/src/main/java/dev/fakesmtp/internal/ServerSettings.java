package dev.fakesmtp.internal;

import dev.fakesmtp.Extension;
import dev.fakesmtp.ThreadModel;
import dev.fakesmtp.internal.auth.AuthSettings;
import dev.fakesmtp.internal.tls.TlsSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable configuration a server runs with, made by {@code FakeSmtpServer.Builder}.
 *
 * @param bindAddress the address to listen on
 * @param port the port, 0 for any free one
 * @param hostname the name in the greeting and EHLO reply
 * @param extensions the advertised ESMTP extensions; those whose prerequisites are missing are dropped
 * @param maxMessageSize the largest message accepted, in bytes
 * @param maxRecipients the most recipients per transaction
 * @param maxConnections the most simultaneous connections
 * @param maxCommandLineLength the longest command line accepted, CRLF included
 * @param maxTextLineLength text lines longer than this (CRLF included) are violations
 * @param idleTimeout how long a client may be silent
 * @param maxBadCommands how many bad commands in a row before 421
 * @param shutdownTimeout how long close() waits for connection threads
 * @param transcriptDataLimit how many bytes of message content a transcript keeps
 * @param transcriptLineLimit how many lines a transcript keeps (the newest win)
 * @param sessionHistory how many sessions the server remembers
 * @param users VRFY's users: address to full name
 * @param mailingLists EXPN's lists: name to member addresses
 * @param tls how the server does TLS
 * @param auth how the server does AUTH
 * @param strict whether client protocol violations get error replies instead of being only recorded
 * @param maxSessionDuration how long one connection may last in all
 * @param requireMessageId whether a message without Message-ID is refused (a SHOULD, so not even strict does)
 * @param threadModel which kind of thread serves each connection
 */
public record ServerSettings(
        InetAddress bindAddress,
        int port,
        String hostname,
        Set<Extension> extensions,
        int maxMessageSize,
        int maxRecipients,
        int maxConnections,
        int maxCommandLineLength,
        int maxTextLineLength,
        Duration idleTimeout,
        int maxBadCommands,
        Duration shutdownTimeout,
        int transcriptDataLimit,
        int transcriptLineLimit,
        int sessionHistory,
        Map<String, String> users,
        Map<String, List<String>> mailingLists,
        TlsSettings tls,
        AuthSettings auth,
        boolean strict,
        Duration maxSessionDuration,
        boolean requireMessageId,
        ThreadModel threadModel) {

    /** Copies the collections so the settings stay immutable; drops unusable extensions. */
    public ServerSettings {
        extensions = usable(extensions);
        users = Map.copyOf(users);
        mailingLists = Map.copyOf(mailingLists);
    }

    /**
     * The extensions that can be used with the others offered: SMTPUTF8 needs 8BITMIME (RFC 6531
     * §3.1 item 8); BINARYMIME is a value of 8BITMIME's BODY parameter and is sent with BDAT
     * (RFC 3030 §3), so it needs 8BITMIME and CHUNKING.
     *
     * @param offered the extensions the builder was not told to hide
     * @return {@code offered} without those whose prerequisites it lacks
     */
    public static Set<Extension> usable(Set<Extension> offered) {
        Set<Extension> usable = EnumSet.noneOf(Extension.class);
        usable.addAll(offered);
        if (!usable.contains(Extension.EIGHT_BIT_MIME)) {
            usable.remove(Extension.SMTPUTF8);
            usable.remove(Extension.BINARYMIME);
        }
        if (!usable.contains(Extension.CHUNKING)) {
            usable.remove(Extension.BINARYMIME);
        }
        return Set.copyOf(usable);
    }

    /** True when connections get virtual threads: asked for, and the JVM has them (Java 21+). */
    public boolean virtualThreads() {
        return threadModel == ThreadModel.VIRTUAL && ConnectionThreads.virtual();
    }

    /**
     * Whether an extension is advertised.
     *
     * @param extension the extension
     * @return true when EHLO lists it (so its parameters are accepted)
     */
    public boolean advertises(Extension extension) {
        return extensions.contains(extension);
    }
}
