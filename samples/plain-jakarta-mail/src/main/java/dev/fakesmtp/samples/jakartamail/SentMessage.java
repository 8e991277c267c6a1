package dev.fakesmtp.samples.jakartamail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A MIME message that remembers whether it was written out in full. Jakarta Mail writes the
 * message during DATA (or BDAT); once that is done, only the final dot and the server's reply
 * are left, so a failure without a reply after it is the "did it arrive?" case (RFC 1047): the
 * server may well have the mail, and sending it again could deliver it twice.
 */
final class SentMessage extends MimeMessage {

    private volatile boolean writtenInFull;

    SentMessage(Session session) {
        super(session);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(out, ignoreList);
        writtenInFull = true;
    }

    /** Whether the whole message went to the server at least once. */
    boolean writtenInFull() {
        return writtenInFull;
    }
}
