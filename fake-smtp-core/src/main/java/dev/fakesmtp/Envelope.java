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

    /**
     * A builder with no recipients, an empty reverse-path and the current time.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the name the client gave in EHLO or HELO} */
    public String heloName() {
        return heloName;
    }

    /** {@return the reverse-path from {@code MAIL FROM:<...>}; {@code ""} for the null path {@code <>}} */
    public String mailFrom() {
        return mailFrom;
    }

    /** {@return the MAIL parameters (SIZE, BODY, SMTPUTF8, RET, ENVID, AUTH), keys upper-case} */
    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    /**
     * One MAIL parameter's value ({@code ""} for a keyword such as SMTPUTF8), if it was sent.
     *
     * @param name the parameter name, in any case
     * @return one MAIL parameter's value ({@code ""} for a keyword such as SMTPUTF8), if it was sent
     */
    public Optional<String> mailParameter(String name) {
        return Optional.ofNullable(mailParameters.get(name.toUpperCase(java.util.Locale.ROOT)));
    }

    /** {@return the accepted recipients' addresses, in the order they were accepted} */
    public List<String> recipients() {
        List<String> addresses = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            addresses.add(recipient.address());
        }
        return List.copyOf(addresses);
    }

    /** {@return the accepted recipients with their RCPT parameters} */
    public List<Recipient> recipientDetails() {
        return recipients;
    }

    /** {@return the client's address and port, when known} */
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    /** {@return the id of the session (connection) that sent this transaction} */
    public String sessionId() {
        return sessionId;
    }

    /** {@return 1 for the first transaction captured in its session, 2 for the second, and so on} */
    public int transactionIndex() {
        return transactionIndex;
    }

    /** {@return when the end of data was received} */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** {@return the TLS the transaction was sent over, empty for clear text} */
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    /** {@return the session's successful AUTH when the transaction was sent, empty without one} */
    public Optional<Authentication> authentication() {
        return Optional.ofNullable(authentication);
    }

    /** {@return the authenticated user, empty without AUTH} */
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

        /**
         * The TLS in use, or null for clear text.
         *
         * @param tls the TLS details, or null
         * @return this builder
         */
        public Builder tls(TlsInfo tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The session's AUTH, or null.
         *
         * @param authentication the successful AUTH, or null without one
         * @return this builder
         */
        public Builder authentication(Authentication authentication) {
            this.authentication = authentication;
            return this;
        }

        /**
         * The EHLO/HELO name.
         *
         * @param heloName the name from EHLO or HELO
         * @return this builder
         */
        public Builder heloName(String heloName) {
            this.heloName = heloName;
            return this;
        }

        /**
         * The reverse-path, {@code ""} for {@code <>}.
         *
         * @param mailFrom the reverse-path, {@code ""} for the null path
         * @return this builder
         */
        public Builder mailFrom(String mailFrom) {
            this.mailFrom = mailFrom;
            return this;
        }

        /**
         * The MAIL parameters.
         *
         * @param mailParameters the MAIL parameters, keys upper-case
         * @return this builder
         */
        public Builder mailParameters(Map<String, String> mailParameters) {
            this.mailParameters = mailParameters;
            return this;
        }

        /**
         * Adds an accepted recipient.
         *
         * @param recipient an accepted recipient with its RCPT parameters
         * @return this builder
         */
        public Builder addRecipient(Recipient recipient) {
            this.recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /**
         * The client's address.
         *
         * @param clientAddress the client's address and port, or null when unknown
         * @return this builder
         */
        public Builder clientAddress(InetSocketAddress clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        /**
         * The session id.
         *
         * @param sessionId the id of the session that sent the transaction
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * The 1-based index of the transaction within its session.
         *
         * @param transactionIndex 1 for the session's first transaction, 2 for the second, ...
         * @return this builder
         */
        public Builder transactionIndex(int transactionIndex) {
            this.transactionIndex = transactionIndex;
            return this;
        }

        /**
         * When the message was received.
         *
         * @param receivedAt when the end of data was received
         * @return this builder
         */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /** {@return the immutable envelope} */
        public Envelope build() {
            return new Envelope(this);
        }
    }
}
