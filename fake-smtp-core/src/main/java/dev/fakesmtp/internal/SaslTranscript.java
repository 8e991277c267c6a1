package dev.fakesmtp.internal;

/** How transcripts show the client's SASL responses: their size, never their content. */
public final class SaslTranscript {

    private SaslTranscript() {
    }

    /** The placeholder for a response of {@code octets} octets. */
    public static String hidden(int octets) {
        return "<credentials hidden, " + octets + " octets>";
    }
}
