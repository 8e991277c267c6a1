package dev.fakesmtp.model;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server configuration the model knows about, built through the public builder only: strict
 * or lenient, STARTTLS or not, some extensions hidden, small limits so the generated dialogues
 * reach them.
 *
 * @param name for the failure report
 * @param strict {@code Builder.strict()}: client violations get error replies
 * @param startTls {@code Builder.startTls()}
 * @param hidden the extensions hidden with {@code Builder.hide}
 */
record ModelServer(String name, boolean strict, boolean startTls, Set<Extension> hidden) {

    /** The message size limit of every model server (small enough for a generated message to pass it). */
    static final int MAX_MESSAGE_SIZE = 4096;
    /** The recipient limit of every model server. */
    static final int MAX_RECIPIENTS = 3;

    static final ModelServer LENIENT = new ModelServer("lenient", false, false, Set.of());
    static final ModelServer STRICT = new ModelServer("strict", true, false, Set.of());
    static final ModelServer STARTTLS = new ModelServer("lenient with STARTTLS", false, true, Set.of());
    static final ModelServer STRICT_STARTTLS = new ModelServer("strict with STARTTLS", true, true, Set.of());
    static final ModelServer FEW_EXTENSIONS = new ModelServer("lenient without 8BITMIME, CHUNKING, DSN",
            false, false, Set.of(Extension.EIGHT_BIT_MIME, Extension.CHUNKING, Extension.DSN));
    static final ModelServer BARE = new ModelServer("strict without SIZE, PIPELINING, ENHANCEDSTATUSCODES, AUTH",
            true, false, Set.of(Extension.SIZE, Extension.PIPELINING, Extension.ENHANCED_STATUS_CODES, Extension.AUTH));

    /** Starts the server this configuration describes. */
    FakeSmtpServer start() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder()
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .maxRecipients(MAX_RECIPIENTS)
                .hide(hidden.toArray(new Extension[0]));
        if (strict) {
            builder.strict();
        }
        if (startTls) {
            builder.startTls();
        }
        return builder.build().start();
    }

    /**
     * Whether EHLO lists the extension: not hidden, and not needing one that is (RFC 6531 §3.1:
     * SMTPUTF8 needs 8BITMIME; RFC 3030 §3: BINARYMIME is a BODY value sent with BDAT, so it
     * needs 8BITMIME and CHUNKING).
     */
    boolean offers(Extension extension) {
        Set<Extension> offered = EnumSet.allOf(Extension.class);
        offered.removeAll(hidden);
        if (!offered.contains(Extension.EIGHT_BIT_MIME)) {
            offered.remove(Extension.SMTPUTF8);
            offered.remove(Extension.BINARYMIME);
        }
        if (!offered.contains(Extension.CHUNKING)) {
            offered.remove(Extension.BINARYMIME);
        }
        return offered.contains(extension);
    }

    /** The keywords the EHLO reply must list, STARTTLS included until TLS is on (RFC 3207 §4.2). */
    Set<String> ehloKeywords(boolean inTls) {
        Set<String> keywords = new TreeSet<>();
        for (Extension extension : Extension.values()) {
            if (offers(extension)) {
                keywords.add(extension.keyword());
            }
        }
        if (startTls && !inTls) {
            keywords.add("STARTTLS");
        }
        return keywords;
    }

    @Override
    public String toString() {
        return name;
    }
}
