package dev.fakesmtp;

import dev.fakesmtp.internal.Acceptor;
import dev.fakesmtp.internal.Checks;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.WriteTimeouts;
import dev.fakesmtp.internal.auth.AuthSettings;
import dev.fakesmtp.internal.tls.BundledTls;
import dev.fakesmtp.internal.tls.TlsIdentity;
import dev.fakesmtp.internal.tls.TlsMaterial;
import dev.fakesmtp.internal.tls.TlsSettings;
import dev.fakesmtp.internal.web.WebUi;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.security.KeyStore;
import java.util.Properties;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
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

    /** The system property that turns the web UI on for every server built in this JVM. */
    public static final String WEB_UI_PROPERTY = "fakesmtp.webUi";

    /**
     * The system property that picks the {@link ThreadModel} of every server built without
     * {@link Builder#threadModel(ThreadModel)}: {@code virtual} or {@code platform}, in any case.
     */
    public static final String THREAD_MODEL_PROPERTY = "fakesmtp.threadModel";

    private final ServerSettings settings;
    private final Acceptor acceptor;
    private final boolean webUiEnabled;
    private final AtomicReference<WebUi> webUi = new AtomicReference<>();
    private final WriteTimeouts writeTimeouts;

    private FakeSmtpServer(ServerSettings settings, boolean webUiEnabled) {
        this.settings = settings;
        this.acceptor = new Acceptor(settings);
        this.writeTimeouts = new WriteTimeouts(this::port);
        this.webUiEnabled = webUiEnabled;
    }

    /**
     * A builder with safe defaults: 127.0.0.1, a free port, every extension advertised.
     *
     * @return a new builder
     */
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
        if (webUiEnabled) {
            try {
                webUi.set(WebUi.start(this));
            } catch (RuntimeException e) {
                acceptor.close();
                throw e;
            }
        }
        return this;
    }

    /**
     * Where the live viewer listens, if this server has one: see {@link Builder#webUi()}.
     *
     * @return e.g. {@code http://127.0.0.1:41234/}; empty when the web UI is off, before
     *     {@link #start()} and after {@link #close()}
     */
    public Optional<URI> webUiUri() {
        WebUi running = webUi.get();
        return running == null ? Optional.empty() : Optional.of(running.uri());
    }

    /** {@return the address clients connect to, e.g. {@code "127.0.0.1"}} */
    public String host() {
        return acceptor.boundAddress().getAddress().getHostAddress();
    }

    /** {@return the port the server listens on (never 0 once started)} */
    public int port() {
        return acceptor.boundAddress().getPort();
    }

    /** {@return the address and port the server listens on} */
    public InetSocketAddress address() {
        return acceptor.boundAddress();
    }

    /**
     * The implicit-TLS port: the second port from {@code implicitTlsPort(..)}, or the main port of
     * an {@code implicitTls()} server.
     *
     * @return the implicit-TLS port
     * @throws IllegalStateException if the server has no implicit TLS
     */
    public int implicitTlsPort() {
        return acceptor.implicitTlsAddress().getPort();
    }

    /**
     * What a client needs to trust this server with verification on.
     *
     * @return what a client needs to trust this server with verification on
     * @throws IllegalStateException if the server was given an {@link SSLContext} (its trust is unknown)
     */
    public ClientTls clientTls() {
        TlsMaterial material = settings.tls().material().get();
        return new ClientTls(material.clientContext(), material.trustStore(), material.caPem());
    }

    /**
     * Jakarta Mail properties for the main port: host, port, 10 s timeouts, and, when TLS is on,
     * STARTTLS required (or SSL for an implicit-TLS server) with hostname verification and a
     * socket factory that trusts only this server's certificate authority. The write timeout runs
     * on one daemon thread of this server ({@code mail.smtp.executor.writetimeout}), not on a new
     * thread per connection as Angus does by default; it ends with {@link #close()}, so the
     * properties serve this server's life.
     *
     * @return new properties for {@code Session.getInstance(..)}; the caller may change them
     * @throws IllegalStateException for a TLS server given an {@link SSLContext}: its trust is unknown
     */
    public Properties mailProperties() {
        return MailProperties.of(host(), port(), settings.tls().implicitTlsOnly(),
                settings.tls().startTls() && !settings.tls().implicitTlsOnly(), this::clientTls, settings.tls(),
                writeTimeouts.executor());
    }

    /** {@return new Jakarta Mail properties for the implicit-TLS port ({@code mail.smtp.ssl.enable})} */
    public Properties implicitTlsMailProperties() {
        return MailProperties.of(host(), implicitTlsPort(), true, false, this::clientTls, settings.tls(),
                writeTimeouts.executor());
    }

    /** {@return the name the server uses in its greeting and EHLO reply} */
    public String hostname() {
        return settings.hostname();
    }

    /** {@return true between {@link #start()} and {@link #close()}} */
    public boolean isRunning() {
        return acceptor.isRunning();
    }

    /** {@return true once {@link #close()} was called; a closed server cannot be started again} */
    public boolean isClosed() {
        return acceptor.isClosed();
    }

    /** {@return the captured messages} */
    public Mailbox mailbox() {
        return acceptor.mailbox();
    }

    /** {@return the sessions the server remembers, oldest first: open ones and recently ended ones} */
    public List<SmtpSession> sessions() {
        return acceptor.sessions();
    }

    /**
     * Adds a failure rule: {@code on(trigger)} says when, the returned builder says how often
     * and what. Rules are checked in the order they were added; the first that fires wins.
     *
     * <pre>{@code
     * smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
     * }</pre>
     *
     * @param trigger when the rule fires, e.g. {@code Trigger.rcptTo("bob@example.com")}
     * @return a builder for how often the rule fires and what it does
     */
    public RuleBuilder on(Trigger trigger) {
        return new RuleBuilder(acceptor.rules(), trigger);
    }

    /** {@return the failure rules, oldest first} */
    public List<Rule> rules() {
        return acceptor.rules().snapshot();
    }

    /** {@return common failure scenarios, each one rule built with {@link #on(Trigger)}} */
    public FailureScenarios scenarios() {
        return new FailureScenarios(this);
    }

    /**
     * Forgets the captured messages, the mailbox listeners, the remembered sessions (open ones
     * included) and the failure rules; open connections go on. The JUnit extension and the Spring
     * integration call this between tests that share a server. Session ids keep counting
     * ({@code s1}, {@code s2} ... for the server's life): a connection open across the reset
     * keeps its id, and its mail carries it.
     */
    public void reset() {
        acceptor.reset();
    }

    /**
     * Stops listening, sends 421 to every open connection, closes them and joins every thread
     * the server started, within the shutdown timeout whatever the clients do (a mailbox
     * listener that never returns keeps its thread). The port is free when this returns.
     * Idempotent.
     */
    @Override
    public void close() {
        WebUi running = webUi.getAndSet(null);
        if (running != null) {
            running.close();
        }
        acceptor.close();
        writeTimeouts.close();
    }

    /** The configuration, for the failure catalogue's checks of what a case needs. */
    ServerSettings settings() {
        return settings;
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
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int maxBadCommands = 10;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private int transcriptDataLimit = 4096;
        private int transcriptLineLimit = 10_000;
        private int sessionHistory = 1000;
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, List<String>> mailingLists = new LinkedHashMap<>();
        private boolean startTls;
        private boolean requireTls;
        private boolean implicitTlsOnly;
        private int implicitTlsPort = -1;
        private List<String> tlsProtocols = List.of("TLSv1.3", "TLSv1.2");
        /** Makes one server's TLS material; called at most once per server built. */
        private Supplier<TlsMaterial> tlsMaterial = () -> BundledTls.identity().newMaterial();
        private final Set<AuthMechanism> authMechanisms = EnumSet.allOf(AuthMechanism.class);
        private final Map<String, String> passwords = new LinkedHashMap<>();
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private boolean requireAuth;
        private boolean authOnlyAfterTls;
        private boolean strict;
        private Duration maxSessionDuration = Duration.ofMinutes(10);
        private boolean webUi;
        private boolean requireMessageId;
        /** Null until set: then the system property decides, at build time. */
        private ThreadModel threadModel;

        private Builder() {
        }

        /**
         * The address to listen on; loopback (127.0.0.1) by default.
         *
         * @param address the local address to listen on (a loopback one, unless you mean otherwise)
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The address to listen on, as a literal or a name, e.g. {@code "::1"}.
         *
         * @param address the local address to listen on, as a literal or a name
         * @return this builder
         */
        public Builder bindAddress(String address) {
            try {
                return bindAddress(InetAddress.getByName(Objects.requireNonNull(address, "address")));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown bind address: " + address, e);
            }
        }

        /**
         * The port; 0 (the default) picks a free one. Fixed ports make tests collide: avoid them.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = Checks.range("port", port, 0, 65_535);
            return this;
        }

        /**
         * The name in the 220 greeting and the EHLO reply; {@code localhost} by default.
         *
         * @param hostname the host name
         * @return this builder
         */
        public Builder hostname(String hostname) {
            Objects.requireNonNull(hostname, "hostname");
            if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("A hostname is printable ASCII without spaces: '" + hostname + "'");
            }
            this.hostname = hostname;
            return this;
        }

        /**
         * Hides ESMTP extensions from the EHLO reply and rejects their parameters (555 5.5.4).
         * An extension that needs a hidden one is hidden with it, so EHLO never offers what cannot
         * be used: hiding {@link Extension#EIGHT_BIT_MIME} also hides {@link Extension#SMTPUTF8}
         * (RFC 6531 §3.1) and {@link Extension#BINARYMIME}; hiding {@link Extension#CHUNKING} also
         * hides BINARYMIME (RFC 3030 §3). CHUNKING itself stays without 8BITMIME: BDAT carries 7-bit
         * messages too.
         *
         * <pre>{@code
         * FakeSmtpServer.builder().hide(Extension.EIGHT_BIT_MIME)  // a 7-bit-only server
         * }</pre>
         *
         * @param hidden the extensions not to offer
         * @return this builder
         */
        public Builder hide(Extension... hidden) {
            for (Extension extension : hidden) {
                extensions.remove(Objects.requireNonNull(extension, "extension"));
            }
            return this;
        }

        /**
         * The largest message accepted (advertised in SIZE); 32 MiB by default. Larger gets 552.
         *
         * @param bytes the largest message accepted, in bytes
         * @return this builder
         */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = Checks.range("maxMessageSize", bytes, 1, Integer.MAX_VALUE - 16);
            return this;
        }

        /**
         * The most recipients per transaction (RFC 5321 asks for at least 100); 1,000 by default.
         *
         * @param count the most recipients per message
         * @return this builder
         */
        public Builder maxRecipients(int count) {
            this.maxRecipients = Checks.range("maxRecipients", count, 1, 1_000_000);
            return this;
        }

        /**
         * The most simultaneous connections; more get 421 and are closed. 1,000 by default.
         *
         * @param count the most connections open at once
         * @return this builder
         */
        public Builder maxConnections(int count) {
            this.maxConnections = Checks.range("maxConnections", count, 1, 1_000_000);
            return this;
        }

        /**
         * The longest command line, CRLF included; longer gets 500 5.5.6. 512 (RFC 5321) by default.
         *
         * @param octets the longest command line, CRLF included
         * @return this builder
         */
        public Builder maxCommandLineLength(int octets) {
            this.maxCommandLineLength = Checks.range("maxCommandLineLength", octets, 64, 1 << 20);
            return this;
        }

        /**
         * Text lines longer than this (CRLF included) are recorded as violations; 1,000 by default.
         *
         * @param octets the longest text line, CRLF included
         * @return this builder
         */
        public Builder maxTextLineLength(int octets) {
            this.maxTextLineLength = Checks.range("maxTextLineLength", octets, 3, Integer.MAX_VALUE);
            return this;
        }

        /**
         * How long a client may be silent before 421 4.4.2 and close; five minutes by default, the
         * least RFC 5321 §4.5.3.2.7 allows (and long enough to sit at a breakpoint). A test of a
         * client's timeout handling sets a short one.
         *
         * @param timeout how long a client may be silent, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Checks.positive("idleTimeout", timeout);
            return this;
        }

        /**
         * How many bad commands in a row end the session with 421; 10 by default.
         *
         * @param count the most bad commands in a row
         * @return this builder
         */
        public Builder maxBadCommands(int count) {
            this.maxBadCommands = Checks.range("maxBadCommands", count, 1, 1_000_000);
            return this;
        }

        /**
         * The most {@link FakeSmtpServer#close()} takes, whatever the clients do, to tell them 421 and
         * join every thread of the server; 5 seconds by default.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Checks.positive("shutdownTimeout", timeout);
            return this;
        }

        /**
         * How many bytes of each message's content a transcript keeps before eliding; 4 KiB by
         * default. The transcript's own budget (about 1 MiB of text) bounds it too.
         *
         * @param bytes the octets kept, 0 or more
         * @return this builder
         */
        public Builder transcriptDataLimit(int bytes) {
            this.transcriptDataLimit = Checks.range("transcriptDataLimit", bytes, 0, Integer.MAX_VALUE);
            return this;
        }

        /**
         * How many lines each transcript keeps, dropping the oldest; 10,000 by default. Whatever
         * the limit, a transcript keeps at most about 1 MiB of text, so a misbehaving client
         * cannot fill the heap.
         *
         * @param lines the lines kept, 10 or more
         * @return this builder
         */
        public Builder transcriptLineLimit(int lines) {
            this.transcriptLineLimit = Checks.range("transcriptLineLimit", lines, 10, Integer.MAX_VALUE);
            return this;
        }

        /**
         * How many sessions {@link #sessions()} remembers, dropping the oldest ended; 1,000 by default.
         *
         * @param sessions how many sessions {@code sessions()} remembers
         * @return this builder
         */
        public Builder sessionHistory(int sessions) {
            this.sessionHistory = Checks.range("sessionHistory", sessions, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * A user that VRFY knows: {@code user("bob@example.com", "Bob Smith")}.
         *
         * @param address the user's mailbox address
         * @param fullName the user's name, as VRFY shows it
         * @return this builder
         */
        public Builder user(String address, String fullName) {
            Checks.address(address);
            users.put(address, Objects.requireNonNull(fullName, "fullName"));
            return this;
        }

        /**
         * A mailing list that EXPN expands: {@code mailingList("team", List.of("a@x", "b@x"))}.
         *
         * @param name the list's name, as EXPN asks for it
         * @param members the member addresses
         * @return this builder
         */
        public Builder mailingList(String name, List<String> members) {
            Objects.requireNonNull(name, "name");
            members.forEach(Checks::address);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("Mailing list '" + name + "' needs at least one member");
            }
            mailingLists.put(name, List.copyOf(members));
            return this;
        }

        /**
         * Offers STARTTLS (RFC 3207) with the bundled test certificate unless one is given.
         *
         * @return this builder
         */
        public Builder startTls() {
            this.startTls = true;
            return this;
        }

        /**
         * Offers STARTTLS and refuses MAIL, RCPT, DATA, BDAT and AUTH before it (530 5.7.0).
         *
         * @return this builder
         */
        public Builder requireTls() {
            this.startTls = true;
            this.requireTls = true;
            return this;
        }

        /**
         * Makes the main port speak TLS from the first byte (RFC 8314, the "port 465" mode).
         *
         * @return this builder
         */
        public Builder implicitTls() {
            this.implicitTlsOnly = true;
            return this;
        }

        /**
         * Also listens on a second port with implicit TLS, sharing mailbox and configuration; 0 = a free port.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder implicitTlsPort(int port) {
            this.implicitTlsPort = Checks.range("implicitTlsPort", port, 0, 65_535);
            return this;
        }

        /**
         * The TLS protocol versions to enable; TLSv1.3 and TLSv1.2 by default.
         *
         * @param protocols the protocol names, e.g. {@code "TLSv1.3"}
         * @return this builder
         */
        public Builder tlsProtocols(String... protocols) {
            if (protocols.length == 0) {
                throw new IllegalArgumentException("Name at least one TLS protocol, e.g. \"TLSv1.3\"");
            }
            List<String> supported = Checks.supportedTlsProtocols();
            for (String protocol : protocols) {
                if (!supported.contains(Checks.notEmpty("protocol", protocol))) {
                    throw new IllegalArgumentException("This JDK does not support TLS protocol '" + protocol
                            + "'; it supports " + supported);
                }
            }
            this.tlsProtocols = List.of(protocols);
            return this;
        }

        /**
         * Uses your key store (one private key with its chain) instead of the bundled test certificate.
         *
         * @param keyStore holds the server's private key and certificate chain
         * @param password the key store's and the key's password
         * @return this builder
         */
        public Builder tlsKeyStore(KeyStore keyStore, char[] password) {
            TlsIdentity identity = TlsIdentity.fromKeyStore(Objects.requireNonNull(keyStore, "keyStore"),
                    Objects.requireNonNull(password, "password"));
            this.tlsMaterial = identity::newMaterial;
            return this;
        }

        /**
         * Uses your server {@link SSLContext}; {@link FakeSmtpServer#clientTls()} is then unavailable.
         *
         * @param context the server-side context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            TlsMaterial material = TlsMaterial.fromServerContext(Objects.requireNonNull(context, "context"));
            this.tlsMaterial = () -> material;
            return this;
        }

        /**
         * The AUTH mechanisms to offer (all by default); {@code hide(Extension.AUTH)} turns AUTH off.
         *
         * @param mechanisms the mechanisms to offer
         * @return this builder
         */
        public Builder authMechanisms(AuthMechanism... mechanisms) {
            if (mechanisms.length == 0) {
                throw new IllegalArgumentException("Name at least one mechanism; to turn AUTH off, use hide(Extension.AUTH)");
            }
            authMechanisms.clear();
            authMechanisms.addAll(List.of(mechanisms));
            return this;
        }

        /**
         * A user AUTH accepts; once any user or token is given, only those pass (535 5.7.8 otherwise).
         *
         * @param user the only user AUTH accepts
         * @param password that user's password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            passwords.put(Checks.notEmpty("user", user), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * A bearer token XOAUTH2 accepts for {@code user}; like {@link #credentials}, it turns checking on.
         *
         * @param user the only user XOAUTH2 accepts
         * @param token that user's bearer token
         * @return this builder
         */
        public Builder oauthToken(String user, String token) {
            tokens.put(Checks.notEmpty("user", user), Checks.notEmpty("token", token));
            return this;
        }

        /**
         * Refuses MAIL before a successful AUTH (530 5.7.0).
         *
         * @return this builder
         */
        public Builder requireAuth() {
            this.requireAuth = true;
            return this;
        }

        /**
         * Offers AUTH only over TLS; AUTH in clear text gets 538 5.7.11.
         *
         * @return this builder
         */
        public Builder authOnlyAfterTls() {
            this.authOnlyAfterTls = true;
            return this;
        }

        /**
         * Strict mode: a client protocol violation gets an error reply instead of being only
         * recorded on the session: a bare CR or LF or an over-long line in a command 500, bare
         * CR/LF, NUL, over-long lines or undeclared 8-bit data in a message (by DATA, or BDAT
         * without BODY=BINARYMIME) 550 5.6.0 and nothing captured, a path over RFC 5321's size
         * limits or with a raw TAB in a quoted local part 501, an EHLO name that is not UTF-8 501,
         * and so on (the README lists them all). A missing Message-ID is only recorded: see
         * {@link #requireMessageId()}.
         *
         * @return this builder
         */
        public Builder strict() {
            this.strict = true;
            return this;
        }

        /**
         * Refuses a message without a Message-ID header with 550 5.6.0, strict or not. RFC 5322
         * §3.6.4 only says a message SHOULD have one (and RFC 6409 §8.3 lets a submission server
         * add it), so by default its absence is a recorded violation, never a refusal.
         *
         * @return this builder
         */
        public Builder requireMessageId() {
            this.requireMessageId = true;
            return this;
        }

        /**
         * How long one connection may last in all before 421 4.4.2; ten minutes by default. It
         * bounds every read, write and TLS handshake of the connection and every {@code stall()}.
         *
         * @param duration a positive duration
         * @return this builder
         */
        public Builder maxSessionDuration(Duration duration) {
            this.maxSessionDuration = Checks.positive("maxSessionDuration", duration);
            return this;
        }

        /**
         * Starts, with the server, a live viewer in the browser: a small HTTP server on a free
         * loopback port (whatever the SMTP bind address) that shows the mailbox as mail arrives,
         * each message rendered safely, the sessions with their transcripts and the failure rules,
         * and serves them as JSON under {@code /api/}. Its address is logged at start and returned by
         * {@link FakeSmtpServer#webUiUri()}; it stops when the server closes. The system property
         * {@value FakeSmtpServer#WEB_UI_PROPERTY}{@code =true} turns it on for every server built.
         *
         * <pre>{@code
         * FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start();
         * System.out.println(smtp.webUiUri().orElseThrow());   // open it, stop at a breakpoint, look
         * }</pre>
         *
         * @return this builder
         */
        public Builder webUi() {
            this.webUi = true;
            return this;
        }

        /**
         * Which kind of thread serves each connection: {@link ThreadModel#VIRTUAL} by default (on
         * Java 21+), {@link ThreadModel#PLATFORM} for the fastest round trips on a connection that
         * stays open for many messages.
         * Without this call the system property {@value FakeSmtpServer#THREAD_MODEL_PROPERTY}
         * decides ({@code virtual} or {@code platform}), so a whole suite can be switched.
         *
         * <pre>{@code
         * FakeSmtpServer smtp = FakeSmtpServer.builder().threadModel(ThreadModel.PLATFORM).build().start();
         * }</pre>
         *
         * @param model the kind of thread per connection
         * @return this builder
         */
        public Builder threadModel(ThreadModel model) {
            this.threadModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /** {@return a new, unstarted server with this configuration; call {@link FakeSmtpServer#start()}} */
        public FakeSmtpServer build() {
            TlsSettings tls = new TlsSettings(startTls, requireTls, implicitTlsOnly, implicitTlsPort,
                    tlsProtocols, tlsMaterial);
            if (authOnlyAfterTls && !tls.enabled()) {
                throw new IllegalStateException("authOnlyAfterTls() needs TLS: add startTls() or implicitTls()");
            }
            if (requireAuth && (!extensions.contains(Extension.AUTH))) {
                throw new IllegalStateException("requireAuth() needs AUTH, which is hidden");
            }
            AuthSettings auth = new AuthSettings(authMechanisms, passwords, tokens, requireAuth, authOnlyAfterTls);
            // Read here, not kept anywhere: the property decides for the servers built while it is set.
            boolean webUiOn = webUi || Boolean.parseBoolean(System.getProperty(WEB_UI_PROPERTY));
            return new FakeSmtpServer(new ServerSettings(bindAddress, port, hostname, extensions,
                    maxMessageSize, maxRecipients, maxConnections, maxCommandLineLength, maxTextLineLength,
                    idleTimeout, maxBadCommands, shutdownTimeout, transcriptDataLimit, transcriptLineLimit,
                    sessionHistory, users, mailingLists, tls, auth, strict, maxSessionDuration, requireMessageId,
                    threadModel != null ? threadModel : threadModelProperty()), webUiOn);
        }

        private static ThreadModel threadModelProperty() {
            String value = System.getProperty(THREAD_MODEL_PROPERTY);
            if (value == null || value.isBlank()) {
                return ThreadModel.VIRTUAL;
            }
            for (ThreadModel model : ThreadModel.values()) {
                if (model.name().equalsIgnoreCase(value.trim())) {
                    return model;
                }
            }
            throw new IllegalStateException("-D" + THREAD_MODEL_PROPERTY + "=" + value
                    + ": use virtual or platform");
        }
    }
}
