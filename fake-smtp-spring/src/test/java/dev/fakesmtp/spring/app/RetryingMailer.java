package dev.fakesmtp.spring.app;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends a notification and tries again, up to three times in all, unless the server gave a
 * permanent (5xx) reply: a 4xx reply or a failed connection is worth another attempt.
 */
@Service
public class RetryingMailer {

    /** How many attempts a message gets. */
    public static final int ATTEMPTS = 3;

    private final JavaMailSender mailSender;

    /** Uses the sender that Spring Boot configured from {@code spring.mail.*}. */
    public RetryingMailer(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    /**
     * Sends one notification; returns how many attempts it took.
     *
     * @throws MailSendException on a permanent (5xx) reply, or when every attempt failed
     */
    public int sendNotification(String to, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(WelcomeMailer.FROM);
        message.setTo(to);
        message.setSubject("Notification");
        message.setText(text);
        for (int attempt = 1; ; attempt++) {
            try {
                mailSender.send(message);
                return attempt;
            } catch (MailSendException e) {
                if (attempt == ATTEMPTS || replyCode(e) / 100 == 5) {
                    throw e;
                }
            }
        }
    }

    /** The SMTP reply code behind a failure, or 0 if there was none (e.g. the connection failed). */
    static int replyCode(MailSendException failure) {
        Deque<Throwable> todo = new ArrayDeque<>(failure.getFailedMessages().values());
        todo.add(failure);
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, true) != null) {
                continue;
            }
            if (t instanceof SMTPSendFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof MessagingException e && e.getNextException() != null) {
                todo.add(e.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return 0;
    }
}
