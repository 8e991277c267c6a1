package dev.fakesmtp.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives JUnit Jupiter tests started {@link dev.fakesmtp.FakeSmtpServer}s, injected as
 * {@code FakeSmtpServer} or {@code Mailbox} parameters of test methods, lifecycle methods and
 * constructors.
 *
 * <p><b>On a test class</b> (directly, inherited, or through a composed annotation): every test
 * gets a fresh server with the default configuration, closed after the test.
 * <pre>{@code
 * @SmtpServer
 * class SignupTest {
 *     @Test
 *     void sendsWelcomeMail(FakeSmtpServer smtp, Mailbox mailbox) { ... }
 * }
 * }</pre>
 *
 * <p><b>On a {@code FakeSmtpServer} field</b> that you build (not necessarily start): the
 * configuration is yours, and a server you started already is fine too. A {@code static} field
 * is started once for the class, reset (mail, mailbox listeners, sessions, failure rules)
 * before each test and closed after the class (a static field inherited from a base class is
 * shared by its subclasses, seen only by them, and closed when the test run ends); an instance
 * field is started before and closed after each test (once per class with
 * {@code @TestInstance(PER_CLASS)}). When a class
 * declares server fields, a class-level {@code @SmtpServer} adds no server of its own.
 * <pre>{@code
 * @SmtpServer
 * static FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("mail.test").build();
 * }</pre>
 *
 * <p><b>On a parameter</b>: picks one of several servers by name; a field's server is named
 * by {@link #value()} or else by the field's name. Injecting a per-test server into a
 * constructor needs JUnit 5.12 or newer.
 * <pre>{@code
 * @Test
 * void routes(@SmtpServer("inbound") Mailbox inbound, @SmtpServer("outbound") Mailbox outbound)
 * }</pre>
 *
 * <p>Tests that share a server (a static field, or an instance field with {@code PER_CLASS})
 * run one at a time even in parallel mode, so a reset never clears another test's mail; tests
 * with their own server run in parallel.
 *
 * <p>When a test fails, the mail its servers captured is written as a report to look at in a
 * browser (see {@link #report()}), and the failure's stack trace names it:
 * {@code Suppressed: Captured mail: file:///.../index.html}.
 */
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SmtpServerExtension.class)
public @interface SmtpServer {

    /**
     * The server's name. On a field it defaults to the field's name, on a class it names the
     * per-test server; on a parameter it selects the server with this name ({@code ""}: the only one).
     *
     * @return the server's name
     */
    String value() default "";

    /**
     * Fails a test after it ran when the server recorded a client protocol violation (bare LF,
     * over-long lines, 8-bit data without 8BITMIME, commands out of order, no QUIT) during it;
     * the failure shows each offending session's violations and transcript. On a class, it applies
     * to every server the class declares. A session still open when the test ends gets up to 2 s
     * (in all) to end first, so a client that hung up without QUIT is reported every time; a
     * connection the client keeps open past the test is no violation.
     *
     * @return true to fail a test during which a client broke the protocol
     */
    boolean failOnViolations() default false;

    /**
     * When to write a report of what the server captured during a test: {@link Report#ON_FAILURE}
     * (the default), {@link Report#ALWAYS} or {@link Report#NEVER}. On a class, it applies to every
     * server the class declares whose own annotation leaves it at the default. A test's report covers
     * every server it uses that asks for one.
     *
     * @return when to write the report
     */
    Report report() default Report.ON_FAILURE;

    /**
     * Gives the server the live viewer of {@code FakeSmtpServer.Builder.webUi()}; its address is
     * logged when it starts. On a class it applies to the per-test server; a server field you build
     * needs {@code FakeSmtpServer.builder().webUi()} (the extension cannot change a built server, and
     * says so when this is set on a field whose server has no viewer).
     *
     * @return true to start the viewer with the server
     */
    boolean webUi() default false;
}
