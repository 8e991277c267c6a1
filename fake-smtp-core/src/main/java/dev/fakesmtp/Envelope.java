package dev.fakesmtp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one captured transaction: who the client said it was, the reverse-path
 * and recipients with their ESMTP parameters, and where and when it arrived. Immutable; build
 * one with {@link #builder()}.
 */
public final class Envelope {

    private final String heloName;
    private final String mailFrom;
    private final Map<String, String> mailParameters;
    private final List<Recipient> recipients;
    private final InetSocketAddress clientAddress;
    private final String sessionId;
    private final int transactionIndex;
    private final Instant receivedAt;
    private final TlsInfo tls;
    private final Authentication authentication;

    private Envelope(Builder builder) {
        this.heloName = Objects.requireNonNull(builder.heloName, "heloName");
        this.mailFrom = Objects.requireNonNull(builder.mailFrom, "mailFrom");
        this.mailParameters = Map.copyOf(builder.mailParameters);
        this.recipients = List.copyOf(builder.recipients);
        this.clientAddress = builder.clientAddress;
        this.sessionId = Objects.requireNonNull(builder.sessionId, "sessionId");
        this.transactionIndex = builder.transactionIndex;
        this.receivedAt = Objects.requireNonNull(builder.receivedAt, "receivedAt");
        this.tls = builder.tls;
        this.authentication = builder.authentication;
    }

    /** A builder with no recipients, an empty reverse-path and the current time. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name the client gave in EHLO or HELO. */
    public String heloName() {
        return heloName;
    }

    /** The reverse-path from {@code MAIL FROM:<...>}; {@code ""} for the null path {@code <>}. */
    public String mailFrom() {
        return mailFrom;
    }

    /** The MAIL parameters (SIZE, BODY, SMTPUTF8, RET, ENVID, AUTH), keys upper-case. */
    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    /** One MAIL parameter's value ({@code ""} for a keyword such as SMTPUTF8), if it was sent. */
    public Optional<String> mailParameter(String name) {
        return Optional.ofNullable(mailParameters.get(name.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The accepted recipients' addresses, in the order they were accepted. */
    public List<String> recipients() {
        List<String> addresses = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            addresses.add(recipient.address());
        }
        return List.copyOf(addresses);
    }

    /** The accepted recipients with their RCPT parameters. */
    public List<Recipient> recipientDetails() {
        return recipients;
    }

    /** The client's address and port, when known. */
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    /** The id of the session (connection) that sent this transaction. */
    public String sessionId() {
        return sessionId;
    }

    /** 1 for the first transaction captured in its session, 2 for the second, and so on. */
    public int transactionIndex() {
        return transactionIndex;
    }

    /** When the end of data was received. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The TLS the transaction was sent over, empty for clear text. */
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    /** The session's successful AUTH when the transaction was sent, empty without one. */
    public Optional<Authentication> authentication() {
        return Optional.ofNullable(authentication);
    }

    /** The authenticated user, empty without AUTH. */
    public Optional<String> authenticatedUser() {
        return authentication().map(Authentication::user);
    }

    @Override
    public String toString() {
        return "MAIL FROM:<" + mailFrom + "> RCPT TO:" + recipients + " (session " + sessionId
                + ", transaction " + transactionIndex + ", HELO " + heloName + ")";
    }

    /** Builds an {@link Envelope}. Not thread-safe. */
    public static final class Builder {
        private String heloName = "";
        private String mailFrom = "";
        private Map<String, String> mailParameters = Map.of();
        private final List<Recipient> recipients = new ArrayList<>();
        private InetSocketAddress clientAddress;
        private String sessionId = "";
        private int transactionIndex = 1;
        private Instant receivedAt = Instant.now();
        private TlsInfo tls;
        private Authentication authentication;

        private Builder() {
        }

        /** The TLS in use, or null for clear text. */
        public Builder tls(TlsInfo tls) {
            this.tls = tls;
            return this;
        }

        /** The session's AUTH, or null. */
        public Builder authentication(Authentication authentication) {
            this.authentication = authentication;
            return this;
        }

        /** The EHLO/HELO name. */
        public Builder heloName(String heloName) {
            this.heloName = heloName;
            return this;
        }

        /** The reverse-path, {@code ""} for {@code <>}. */
        public Builder mailFrom(String mailFrom) {
            this.mailFrom = mailFrom;
            return this;
        }

        /** The MAIL parameters. */
        public Builder mailParameters(Map<String, String> mailParameters) {
            this.mailParameters = mailParameters;
            return this;
        }

        /** Adds an accepted recipient. */
        public Builder addRecipient(Recipient recipient) {
            this.recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /** The client's address. */
        public Builder clientAddress(InetSocketAddress clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        /** The session id. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** The 1-based index of the transaction within its session. */
        public Builder transactionIndex(int transactionIndex) {
            this.transactionIndex = transactionIndex;
            return this;
        }

        /** When the message was received. */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /** The immutable envelope. */
        public Envelope build() {
            return new Envelope(this);
        }
    }
}
