package dev.fakesmtp.catalog;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureStage;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One attempt of a well-behaved Jakarta Mail (Angus) client: it logs in, requires STARTTLS where
 * the server offers it, delivers to the recipients the server accepts ({@code sendpartial}), and
 * reports what failed. The outcome: the exception (if any) and the recipients it delivered to.
 *
 * @param failure the exception of the attempt, or null when it succeeded
 * @param delivered the recipients the server accepted the mail for
 */
record AngusAttempt(MessagingException failure, List<String> delivered) {

    static final String USER = "app";
    static final String PASSWORD = "secret";
    /**
     * The client's read timeout for an attempt that meets a TIMEOUT case: far below the cases'
     * two minutes. Every other attempt keeps the server's 10 s, so a busy machine never fails a
     * case by a timeout the case did not ask for.
     */
    static final String SHORT_TIMEOUT_MILLIS = "1500";

    private static final Pattern ANGUS_GREETING = Pattern.compile("response: (\\d{3})\\b");
    private static final Pattern LEADING_CODE = Pattern.compile("^(\\d{3})[ -]");

    /** Sends to {@code recipients} once, meeting {@code failure}: with a short timeout for a TIMEOUT case. */
    static AngusAttempt send(FakeSmtpServer server, FailureCase failure, List<String> recipients) {
        return send(server, failure, recipients, failure.kind() == dev.fakesmtp.FailureKind.TIMEOUT);
    }

    /** Sends to {@code recipients} once, after {@code failure} passed: with the server's 10 s timeouts. */
    static AngusAttempt retry(FakeSmtpServer server, FailureCase failure, List<String> recipients) {
        return send(server, failure, recipients, false);
    }

    private static AngusAttempt send(FakeSmtpServer server, FailureCase failure, List<String> recipients,
                                     boolean shortTimeout) {
        Properties properties = server.mailProperties();
        properties.setProperty("mail.smtp.auth", "true");
        properties.setProperty("mail.smtp.sendpartial", "true");
        if (shortTimeout) {
            properties.setProperty("mail.smtp.timeout", SHORT_TIMEOUT_MILLIS);
        }
        if (failure.stage() == FailureStage.BDAT) {
            properties.setProperty("mail.smtp.chunksize", "65536");
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom("app@example.com");
            message.setRecipients(Message.RecipientType.TO, String.join(", ", recipients));
            message.setSubject("Catalogue case " + failure.id());
            message.setText("Hello.\r\n");
            try {
                Transport.send(message, USER, PASSWORD);
                return new AngusAttempt(null, List.copyOf(recipients));
            } catch (SendFailedException e) {
                return new AngusAttempt(e, addresses(e.getValidSentAddresses()));
            } catch (MessagingException e) {
                return new AngusAttempt(e, List.of());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the message", e);
        }
    }

    /** The recipients this attempt did not deliver to, for a retry. */
    List<String> undelivered(List<String> recipients) {
        List<String> rest = new ArrayList<>(recipients);
        rest.removeAll(delivered);
        return rest;
    }

    /** The exception and everything it chains, in order. */
    List<Throwable> chain() {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = next(t)) {
            chain.add(t);
            if (t instanceof SendFailedException send && send.getNextException() != null) {
                for (Exception e = send.getNextException(); e != null && !chain.contains(e);
                     e = e instanceof MessagingException m ? m.getNextException() : null) {
                    chain.add(e);
                }
            }
        }
        return chain;
    }

    /** Every SMTP reply code the client reports, wherever Angus put it. */
    List<Integer> replyCodes() {
        List<Integer> codes = new ArrayList<>();
        for (Throwable t : chain()) {
            if (t instanceof SMTPSendFailedException e) {
                codes.add(e.getReturnCode());
            } else if (t instanceof SMTPAddressFailedException e) {
                codes.add(e.getReturnCode());
            } else if (t instanceof SMTPSenderFailedException e) {
                codes.add(e.getReturnCode());
            } else if (t.getMessage() != null) {
                Matcher greeting = ANGUS_GREETING.matcher(t.getMessage());
                Matcher leading = LEADING_CODE.matcher(t.getMessage());
                if (greeting.find()) {
                    codes.add(Integer.parseInt(greeting.group(1)));
                } else if (leading.find()) {
                    codes.add(Integer.parseInt(leading.group(1)));
                }
            }
        }
        return codes;
    }

    /** Whether any exception in the chain is of this type. */
    boolean has(Class<? extends Throwable> type) {
        return chain().stream().anyMatch(type::isInstance);
    }

    /** The chain, one exception a line, for assertion messages. */
    String describe() {
        return failure == null ? "no exception; delivered to " + delivered
                : chain().stream().map(String::valueOf).reduce((a, b) -> a + "\n  caused by " + b).orElse("");
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(address -> ((InternetAddress) address).getAddress()).toList();
    }
}
