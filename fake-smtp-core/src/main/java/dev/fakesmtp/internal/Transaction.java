package dev.fakesmtp.internal;

import dev.fakesmtp.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One mail transaction in progress: from MAIL to the end of data, RSET or an abort. */
public final class Transaction {

    private final String mailFrom;
    private final Map<String, String> mailParameters;
    private final List<Recipient> recipients = new ArrayList<>();
    private int rejectedRecipients;
    private ByteSink chunks;

    /** A transaction opened by {@code MAIL FROM:<mailFrom>} with its parameters. */
    public Transaction(String mailFrom, Map<String, String> mailParameters) {
        this.mailFrom = mailFrom;
        this.mailParameters = Map.copyOf(mailParameters);
    }

    /** The reverse-path, {@code ""} for {@code <>}. */
    public String mailFrom() {
        return mailFrom;
    }

    /** The MAIL parameters, keys upper-case. */
    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    /** True when MAIL declared {@code SMTPUTF8}. */
    public boolean smtpUtf8() {
        return mailParameters.containsKey("SMTPUTF8");
    }

    /** The BODY parameter in upper case, {@code "7BIT"} when absent. */
    public String body() {
        return mailParameters.getOrDefault("BODY", "7BIT").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * True when MAIL allowed only 7-bit content: no BODY=8BITMIME or BINARYMIME, and no SMTPUTF8,
     * which makes 8-bit (UTF-8) headers legal (RFC 6531 §3.4, RFC 6532).
     */
    public boolean declaresSevenBitOnly() {
        return body().equals("7BIT") && !smtpUtf8();
    }

    /** The accepted recipients so far. */
    public List<Recipient> recipients() {
        return recipients;
    }

    /** Adds an accepted recipient. */
    public void accept(Recipient recipient) {
        recipients.add(recipient);
    }

    /** Counts a RCPT that was refused, so DATA can tell "no valid recipients" from "no RCPT". */
    public void rejectRecipient() {
        rejectedRecipients++;
    }

    /** How many RCPT commands were refused. */
    public int rejectedRecipients() {
        return rejectedRecipients;
    }

    /** The buffer of BDAT chunks, created by the first BDAT. */
    public ByteSink chunks(int limit) {
        if (chunks == null) {
            chunks = new ByteSink(limit);
        }
        return chunks;
    }
}
