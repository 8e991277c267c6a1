package dev.fakesmtp.samples.jakartamail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends {@link Notification}s through Jakarta Mail (Angus). Transient failures (4xx replies,
 * dropped or timed-out connections) are retried with exponential back-off, up to the
 * {@link RetryPolicy}'s attempts; permanent ones (5xx) are not. When only some recipients are
 * refused the others still get the mail ({@code mail.smtp.sendpartial}), and a retry goes only to
 * the recipients still owed the mail. When the connection fails after the whole message went out
 * (no reply to the final dot), the mail is not sent again: it probably arrived, and the result says
 * {@link DeliveryResult.Status#UNCONFIRMED}. Failures are reported in the {@link DeliveryResult}, never thrown.
 *
 * <pre>{@code
 * Notifier notifier = Notifier.builder(mailProperties)      // mail.smtp.host, port, timeouts, TLS
 *         .from("noreply@shop.test")
 *         .credentials("shop", "s3cret")
 *         .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(2)))
 *         .build();
 * DeliveryResult result = notifier.send(Notification.of("Hello", "Hi Bob", "bob@example.com"));
 * }</pre>
 */
public final class Notifier {

    private final Session session;
    private final MimeComposer composer;
    private final String user;
    private final String password;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    private Notifier(Builder builder) {
        Properties properties = new Properties();
        properties.putAll(builder.mailProperties);
        // Deliver to the accepted recipients even when the server refuses some of them.
        properties.put("mail.smtp.sendpartial", "true");
        if (builder.user != null) {
            properties.put("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(properties);
        this.composer = new MimeComposer(session, builder.from, builder.clock);
        this.user = builder.user;
        this.password = builder.password;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
    }

    /** Starts a notifier for the server that the Jakarta Mail properties ({@code mail.smtp.*}) point at. */
    public static Builder builder(Properties mailProperties) {
        return new Builder(mailProperties);
    }

    /** Sends one notification, retrying transient failures; blocks until it is done. */
    public DeliveryResult send(Notification notification) {
        Map<String, InternetAddress> pending = new LinkedHashMap<>();
        for (String recipient : notification.to()) {
            pending.put(recipient, parse(recipient));
        }
        List<String> delivered = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        SmtpFailure lastFailure = null;
        boolean unconfirmed = false;
        int attempt = 0;
        while (!pending.isEmpty() && attempt < retryPolicy.maxAttempts()) {
            attempt++;
            if (attempt > 1 && !waitBefore(attempt)) {
                break;
            }
            SentMessage message = null;
            SmtpFailure failure = null;
            try {
                message = composer.compose(notification);
                Transport.send(message, pending.values().toArray(Address[]::new), user, password);
                delivered.addAll(pending.keySet());
                pending.clear();
            } catch (SendFailedException e) {
                failure = lastFailure = handleSendFailure(e, pending, delivered, rejected);
            } catch (MessagingException e) {
                failure = lastFailure = SmtpFailure.of(e);
            }
            if (failure != null && failure.replyCode() <= 0 && message != null && message.writtenInFull()) {
                // No reply after the whole message went out: the server may have it. Sending it
                // again could deliver it twice, so report it instead (RFC 1047).
                delivered.addAll(pending.keySet());
                pending.clear();
                unconfirmed = true;
            }
            if (lastFailure != null && lastFailure.permanent()) {
                break;
            }
        }
        for (String recipient : pending.keySet()) {
            SmtpFailure why = Objects.requireNonNullElseGet(lastFailure,
                    () -> new SmtpFailure(0, "interrupted before delivery", false));
            rejected.add(new Rejection(recipient, why.replyCode(), why.reason(), why.permanent()));
        }
        DeliveryResult.Status status = unconfirmed ? DeliveryResult.Status.UNCONFIRMED : statusOf(delivered, rejected);
        return new DeliveryResult(status, attempt, delivered, rejected);
    }

    /**
     * A {@link SendFailedException} is either about the whole message (refused at MAIL or at the
     * end of the data) or about some recipients. For the latter, the accepted ones are done, the
     * permanently refused ones are reported, and the temporarily refused ones stay pending.
     *
     * @return the failure to decide on a retry with, or {@code null} if only recipients failed
     */
    private static SmtpFailure handleSendFailure(SendFailedException e, Map<String, InternetAddress> pending,
                                                 List<String> delivered, List<Rejection> rejected) {
        boolean partiallySent = e instanceof SMTPSendFailedException s && s.getReturnCode() / 100 == 2;
        boolean onlyRecipients = !(e instanceof SMTPSendFailedException) && e.getInvalidAddresses() != null
                && e.getInvalidAddresses().length > 0;
        if (!partiallySent && !onlyRecipients) {
            return SmtpFailure.of(e);
        }
        if (partiallySent) {
            for (Address address : orEmpty(e.getValidSentAddresses())) {
                String recipient = keyOf(pending, address);
                delivered.add(recipient);
                pending.remove(recipient);
            }
        }
        SmtpFailure transientRefusal = null;
        for (Address address : orEmpty(e.getInvalidAddresses())) {
            String recipient = keyOf(pending, address);
            SmtpFailure why = refusalOf(e, address);
            if (why.permanent()) {
                rejected.add(new Rejection(recipient, why.replyCode(), why.reason(), true));
                pending.remove(recipient);
            } else {
                transientRefusal = why;
            }
        }
        return transientRefusal;
    }

    /** Angus chains one {@link SMTPAddressFailedException} per refused recipient. */
    private static SmtpFailure refusalOf(SendFailedException e, Address address) {
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused && refused.getAddress().equals(address)) {
                return SmtpFailure.ofRecipient(refused);
            }
        }
        // An address Angus refused itself (it never reached the server) will not get better.
        return new SmtpFailure(0, "invalid address " + address, true);
    }

    private boolean waitBefore(int attempt) {
        try {
            sleeper.sleep(retryPolicy.delayBefore(attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static DeliveryResult.Status statusOf(List<String> delivered, List<Rejection> rejected) {
        if (rejected.isEmpty()) {
            return DeliveryResult.Status.DELIVERED;
        }
        return delivered.isEmpty() ? DeliveryResult.Status.FAILED : DeliveryResult.Status.PARTIALLY_DELIVERED;
    }

    private static String keyOf(Map<String, InternetAddress> pending, Address address) {
        return pending.entrySet().stream().filter(entry -> entry.getValue().equals(address))
                .map(Map.Entry::getKey).findFirst().orElse(address.toString());
    }

    private static Address[] orEmpty(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a mail address: " + address, e);
        }
    }

    /** Configures a {@link Notifier}; only {@link #from(String)} is required besides the properties. */
    public static final class Builder {

        private final Properties mailProperties;
        private InternetAddress from;
        private String user;
        private String password;
        private RetryPolicy retryPolicy = RetryPolicy.of(3, java.time.Duration.ofSeconds(1));
        private Sleeper sleeper = Sleeper.threadSleep();
        private Clock clock = Clock.systemUTC();

        private Builder(Properties mailProperties) {
            this.mailProperties = Objects.requireNonNull(mailProperties, "mailProperties");
        }

        /** The sender, in the From header and the envelope. */
        public Builder from(String address) {
            this.from = parse(address);
            return this;
        }

        /** Logs in with AUTH (sets {@code mail.smtp.auth}); without it the notifier does not log in. */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** How many attempts and how long to wait between them; 3 attempts, 1 s then 2 s, by default. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** How to wait between attempts; {@link Sleeper#threadSleep()} by default. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock for the Date header; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The notifier. */
        public Notifier build() {
            if (from == null) {
                throw new IllegalStateException("Set the sender with from(..)");
            }
            return new Notifier(this);
        }
    }
}
