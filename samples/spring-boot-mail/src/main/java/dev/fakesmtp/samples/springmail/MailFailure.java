package dev.fakesmtp.samples.springmail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What a Spring {@link MailException} means: the SMTP reply behind it (Spring wraps Angus's
 * exceptions, which chain each other) and whether another attempt may succeed.
 *
 * @param replyCode the SMTP reply code, 0 when there was none (no connection, a timeout)
 * @param reason    the server's reply, or the error
 * @param temporary whether trying again later may work: a 4xx reply or a network problem
 */
public record MailFailure(int replyCode, String reason, boolean temporary) {

    /** Angus reports a refused greeting only in the message text: "..., response: 421 ...". */
    private static final Pattern GREETING = Pattern.compile("^Got bad greeting .*response: (\\d{3})\\b", Pattern.DOTALL);
    /** ... and a refused STARTTLS or login with the server's reply as the message: "454 4.7.0 ...". */
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");
    /** Angus's message when the server closed the connection instead of replying. */
    private static final String EOF = "[EOF]";
    /** Angus's message when STARTTLS is required but the server does not offer it (a downgrade). */
    private static final String STARTTLS_MISSING = "STARTTLS is required but host does not support STARTTLS";

    /** Classifies a failed send. */
    public static MailFailure of(MailException failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        if (failure instanceof MailSendException send) {
            todo.addAll(send.getFailedMessages().values());
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        boolean network = false;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            int code = replyCode(t);
            if (code > 0) {
                return new MailFailure(code, t.getMessage().strip(), code / 100 == 4);
            }
            // A closed connection ("[EOF]", code -1), a reset or a timeout, and a STARTTLS that a
            // middlebox may have stripped, are worth another attempt later; never send in clear text.
            network |= code < 0 || t instanceof IOException || EOF.equals(t.getMessage())
                    || (t.getMessage() != null && t.getMessage().startsWith(STARTTLS_MISSING));
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        // A refused login stays refused: unless it said 4xx (above), retrying will not help.
        boolean temporary = network && !(failure instanceof MailAuthenticationException);
        return new MailFailure(0, String.valueOf(failure.getMessage()), temporary);
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if ((t instanceof MessagingException || t instanceof AuthenticationFailedException) && t.getMessage() != null) {
            Matcher greeting = GREETING.matcher(t.getMessage());
            if (greeting.find()) {
                return Integer.parseInt(greeting.group(1));
            }
            Matcher leading = LEADING_CODE.matcher(t.getMessage());
            if (leading.find()) {
                return Integer.parseInt(leading.group(1));
            }
        }
        return 0;
    }
}
