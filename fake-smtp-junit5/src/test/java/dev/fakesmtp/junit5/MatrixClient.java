package dev.fakesmtp.junit5;

import dev.fakesmtp.FakeSmtpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * A small mail client for failure-matrix fixtures: Jakarta Mail with the server's 10 s timeouts
 * (the fixtures run no TIMEOUT case), delivering to the recipients the server accepts, trying up
 * to three times. Whether it also
 * retries permanent (5xx) refusals is the choice that makes it well behaved or buggy.
 */
final class MatrixClient {

    /**
     * What a send did.
     *
     * @param attempts how many times it connected
     * @param delivered the recipients the server took the mail for
     */
    public record Result(int attempts, List<String> delivered) {
    }

    private MatrixClient() {
    }

    /** Sends to {@code recipients}; {@code retryPermanent} makes it retry 5xx refusals too (a bug). */
    public static Result send(FakeSmtpServer server, boolean retryPermanent, String... recipients) {
        List<String> pending = new ArrayList<>(List.of(recipients));
        List<String> delivered = new ArrayList<>();
        int attempts = 0;
        while (!pending.isEmpty() && attempts < 3) {
            attempts++;
            try {
                Transport.send(message(server, pending));
                delivered.addAll(pending);
                pending.clear();
            } catch (SendFailedException e) {
                List<String> sent = addresses(e.getValidSentAddresses());
                delivered.addAll(sent);
                pending.removeAll(sent);
                if (permanent(e) && !retryPermanent) {
                    break;
                }
            } catch (MessagingException e) {
                if (permanent(e) && !retryPermanent) {
                    break;
                }
            }
        }
        return new Result(attempts, delivered);
    }

    private static MimeMessage message(FakeSmtpServer server, List<String> to) throws MessagingException {
        Properties properties = server.mailProperties();
        properties.setProperty("mail.smtp.sendpartial", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("app@example.com");
        message.setRecipients(Message.RecipientType.TO, String.join(", ", to));
        message.setSubject("Matrix");
        message.setText("Hello.\r\n");
        return message;
    }

    /** A 5xx anywhere in Angus's chain of exceptions. */
    private static boolean permanent(MessagingException failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            int code = e instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : e instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : e instanceof SMTPSenderFailedException f ? f.getReturnCode()
                    : e.getMessage() != null && e.getMessage().matches("(?s).*response: 5\\d\\d.*") ? 500 : 0;
            if (code >= 500) {
                return true;
            }
        }
        return false;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
    }
}
