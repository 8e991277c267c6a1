package dev.fakesmtp.samples.springmail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
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

    /** Classifies a failed send. */
    public static MailFailure of(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return new MailFailure(0, String.valueOf(failure.getMessage()), false);
        }
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
            network |= t instanceof IOException;
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return new MailFailure(0, String.valueOf(failure.getMessage()), network);
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
        return 0;
    }
}
