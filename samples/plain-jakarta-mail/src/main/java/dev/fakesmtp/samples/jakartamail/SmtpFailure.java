package dev.fakesmtp.samples.jakartamail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a {@link MessagingException} from Angus Mail means for a retry: the reply code behind it
 * (found wherever Angus put it) and whether trying again can help.
 *
 * @param replyCode the SMTP reply code, 0 when there was none
 * @param reason    the server's reply or the error message
 * @param permanent whether a retry is pointless
 */
record SmtpFailure(int replyCode, String reason, boolean permanent) {

    /** Angus reports a refused greeting only in the message text: "..., response: 421 ...". */
    private static final Pattern GREETING = Pattern.compile("response: (\\d{3})\\b");
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d{3})\\b");
    /** Angus's message when the server closed the connection instead of replying. */
    private static final String EOF = "[EOF]";
    /** Angus's message when STARTTLS is required but not offered. */
    private static final String STARTTLS_MISSING = "STARTTLS is required but host does not support STARTTLS";

    /** Classifies a failure of a whole attempt. */
    static SmtpFailure of(MessagingException failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = replyCodeOf(t);
            if (code > 0) {
                return fromCode(code, t.getMessage());
            }
            if (t instanceof AuthenticationFailedException) {
                // A refused login stays refused, unless the server says it is temporary (454).
                int authCode = leadingCode(t.getMessage());
                return new SmtpFailure(authCode, t.getMessage(), authCode / 100 != 4);
            }
            if (t instanceof SSLException) {
                // An untrusted certificate does not fix itself; a failed handshake may be passing trouble.
                return new SmtpFailure(0, t.toString(), causedByCertificate(t));
            }
            if (t instanceof IOException || EOF.equals(t.getMessage())) {
                // Refused, reset, closed ("[EOF]" is how Angus says closed) or timed-out connections
                // usually are passing trouble.
                return new SmtpFailure(0, t.toString(), false);
            }
            if (t.getMessage() != null && t.getMessage().startsWith(STARTTLS_MISSING)) {
                // The server (or something between) stopped offering STARTTLS: never send in clear
                // text, try again later.
                return new SmtpFailure(0, t.getMessage(), false);
            }
        }
        // Nothing recognisable: do not hammer the server with a request that may never work.
        return new SmtpFailure(0, failure.toString(), true);
    }

    /** Classifies the refusal of one recipient (its RCPT reply). */
    static SmtpFailure ofRecipient(SMTPAddressFailedException failure) {
        return fromCode(failure.getReturnCode(), failure.getMessage());
    }

    private static SmtpFailure fromCode(int code, String reason) {
        return new SmtpFailure(code, reason == null ? "" : reason.strip(), code >= 500);
    }

    private static int replyCodeOf(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof MessagingException && t.getMessage() != null) {
            Matcher greeting = GREETING.matcher(t.getMessage());
            if (t.getMessage().startsWith("Got bad greeting") && greeting.find()) {
                return Integer.parseInt(greeting.group(1));
            }
            if (!(t instanceof AuthenticationFailedException)) {
                // Angus reports a refused STARTTLS (and other commands) with the reply as the message.
                return leadingCode(t.getMessage());
            }
        }
        return 0;
    }

    private static int leadingCode(String message) {
        Matcher code = LEADING_CODE.matcher(message == null ? "" : message);
        return code.find() ? Integer.parseInt(code.group(1)) : 0;
    }

    private static boolean causedByCertificate(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
