package dev.fakesmtp;

import dev.fakesmtp.internal.Acceptor;
import dev.fakesmtp.internal.ServerSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process SMTP server for tests. It listens on a random loopback port, speaks RFC 5321
 * with the common ESMTP extensions, and captures every completed transaction into its
 * {@link #mailbox()}. Servers are independent of each other; any number can run in one JVM.
 *
 * <pre>{@code
 * try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
 *     sendMail(smtp.host(), smtp.port());                      // the code under test
 *     ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *     assertThat(mail.subject()).isEqualTo("Welcome");
 * }
 * }</pre>
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSettings settings;
    private final Acceptor acceptor;

    private FakeSmtpServer(ServerSettings settings) {
        this.settings = settings;
        this.acceptor = new Acceptor(settings);
    }

    /** A builder with safe defaults: 127.0.0.1, a free port, every extension advertised. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts accepting connections; when this returns, clients can connect.
     *
     * @return this server
     * @throws FakeSmtpException if the address cannot be bound
     * @throws IllegalStateException if the server was started before
     */
    public FakeSmtpServer start() {
        acceptor.start();
        return this;
    }

    /** The address clients connect to, e.g. {@code "127.0.0.1"}. */
    public String host() {
        return acceptor.boundAddress().getAddress().getHostAddress();
    }

    /** The port the server listens on (never 0 once started). */
    public int port() {
        return acceptor.boundAddress().getPort();
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return acceptor.boundAddress();
    }

    /** The name the server uses in its greeting and EHLO reply. */
    public String hostname() {
        return settings.hostname();
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        return acceptor.isRunning();
    }

    /** The captured messages. */
    public Mailbox mailbox() {
        return acceptor.mailbox();
    }

    /** The sessions the server remembers, oldest first: open ones and recently ended ones. */
    public List<SmtpSession> sessions() {
        return acceptor.sessions();
    }

    /** Forgets the captured messages and the remembered sessions; open connections go on. */
    public void reset() {
        acceptor.reset();
    }

    /**
     * Stops listening, sends 421 to every open connection, closes them and waits (within the
     * shutdown timeout) for their threads to end. The port is free when this returns. Idempotent.
     */
    @Override
    public void close() {
        acceptor.close();
    }

    @Override
    public String toString() {
        return "FakeSmtpServer[" + (acceptor.isStarted() ? host() + ":" + port() : "not started") + "]";
    }

    /** Configures a {@link FakeSmtpServer}. Not thread-safe; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private String hostname = "localhost";
        private final Set<Extension> extensions = EnumSet.allOf(Extension.class);
        private int maxMessageSize = 32 * 1024 * 1024;
        private int maxRecipients = 1000;
        private int maxConnections = 1000;
        private int maxCommandLineLength = 512;
        private int maxTextLineLength = 1000;
        private Duration idleTimeout = Duration.ofMinutes(1);
        private int maxBadCommands = 10;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private int transcriptDataLimit = 4096;
        private int transcriptLineLimit = 10_000;
        private int sessionHistory = 1000;
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, List<String>> mailingLists = new LinkedHashMap<>();

        private Builder() {
        }

        /** The address to listen on; loopback (127.0.0.1) by default. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The address to listen on, as a literal or a name, e.g. {@code "::1"}. */
        public Builder bindAddress(String address) {
            try {
                return bindAddress(InetAddress.getByName(Objects.requireNonNull(address, "address")));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown bind address: " + address, e);
            }
        }

        /** The port; 0 (the default) picks a free one. Fixed ports make tests collide: avoid them. */
        public Builder port(int port) {
            this.port = requireRange("port", port, 0, 65_535);
            return this;
        }

        /** The name in the 220 greeting and the EHLO reply; {@code localhost} by default. */
        public Builder hostname(String hostname) {
            Objects.requireNonNull(hostname, "hostname");
            if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("A hostname is printable ASCII without spaces: '" + hostname + "'");
            }
            this.hostname = hostname;
            return this;
        }

        /** Hides ESMTP extensions from the EHLO reply and rejects their parameters. */
        public Builder hide(Extension... hidden) {
            for (Extension extension : hidden) {
                extensions.remove(Objects.requireNonNull(extension, "extension"));
            }
            return this;
        }

        /** The largest message accepted (advertised in SIZE); 32 MiB by default. Larger gets 552. */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = requireRange("maxMessageSize", bytes, 1, Integer.MAX_VALUE - 16);
            return this;
        }

        /** The most recipients per transaction (RFC 5321 asks for at least 100); 1,000 by default. */
        public Builder maxRecipients(int count) {
            this.maxRecipients = requireRange("maxRecipients", count, 1, 1_000_000);
            return this;
        }

        /** The most simultaneous connections; more get 421 and are closed. 1,000 by default. */
        public Builder maxConnections(int count) {
            this.maxConnections = requireRange("maxConnections", count, 1, 1_000_000);
            return this;
        }

        /** The longest command line, CRLF included; longer gets 500 5.5.6. 512 (RFC 5321) by default. */
        public Builder maxCommandLineLength(int octets) {
            this.maxCommandLineLength = requireRange("maxCommandLineLength", octets, 64, 1 << 20);
            return this;
        }

        /** Text lines longer than this (CRLF included) are recorded as violations; 1,000 by default. */
        public Builder maxTextLineLength(int octets) {
            this.maxTextLineLength = requireRange("maxTextLineLength", octets, 3, Integer.MAX_VALUE);
            return this;
        }

        /** How long a client may be silent before 421 4.4.2 and close; one minute by default. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive("idleTimeout", timeout);
            return this;
        }

        /** How many bad commands in a row end the session with 421; 10 by default. */
        public Builder maxBadCommands(int count) {
            this.maxBadCommands = requireRange("maxBadCommands", count, 1, 1_000_000);
            return this;
        }

        /** How long {@link #close()} waits for connection threads to end; 5 seconds by default. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = requirePositive("shutdownTimeout", timeout);
            return this;
        }

        /** How many bytes of message content a transcript keeps before eliding; 4 KiB by default. */
        public Builder transcriptDataLimit(int bytes) {
            this.transcriptDataLimit = requireRange("transcriptDataLimit", bytes, 0, Integer.MAX_VALUE);
            return this;
        }

        /** How many lines each transcript keeps, dropping the oldest; 10,000 by default. */
        public Builder transcriptLineLimit(int lines) {
            this.transcriptLineLimit = requireRange("transcriptLineLimit", lines, 10, Integer.MAX_VALUE);
            return this;
        }

        /** How many sessions {@link #sessions()} remembers, dropping the oldest ended; 1,000 by default. */
        public Builder sessionHistory(int sessions) {
            this.sessionHistory = requireRange("sessionHistory", sessions, 1, Integer.MAX_VALUE);
            return this;
        }

        /** A user that VRFY knows: {@code user("bob@example.com", "Bob Smith")}. */
        public Builder user(String address, String fullName) {
            requireAddress(address);
            users.put(address, Objects.requireNonNull(fullName, "fullName"));
            return this;
        }

        /** A mailing list that EXPN expands: {@code mailingList("team", List.of("a@x", "b@x"))}. */
        public Builder mailingList(String name, List<String> members) {
            Objects.requireNonNull(name, "name");
            members.forEach(Builder::requireAddress);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("Mailing list '" + name + "' needs at least one member");
            }
            mailingLists.put(name, List.copyOf(members));
            return this;
        }

        /** A new, unstarted server with this configuration; call {@link FakeSmtpServer#start()}. */
        public FakeSmtpServer build() {
            return new FakeSmtpServer(new ServerSettings(bindAddress, port, hostname, extensions,
                    maxMessageSize, maxRecipients, maxConnections, maxCommandLineLength, maxTextLineLength,
                    idleTimeout, maxBadCommands, shutdownTimeout, transcriptDataLimit, transcriptLineLimit,
                    sessionHistory, users, mailingLists));
        }

        private static int requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }

        private static Duration requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return value;
        }

        private static void requireAddress(String address) {
            Objects.requireNonNull(address, "address");
            if (address.indexOf('@') <= 0 || address.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
                throw new IllegalArgumentException("Not a mailbox address (local@domain): '" + address + "'");
            }
        }
    }
}
