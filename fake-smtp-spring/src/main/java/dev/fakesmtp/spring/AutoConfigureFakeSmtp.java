package dev.fakesmtp.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Starts a {@link dev.fakesmtp.FakeSmtpServer} for the test's application context and points
 * {@code spring.mail.*} at it, so Spring Boot's {@code JavaMailSender} sends to it. One server
 * per cached context: test classes with the same configuration share the context and the
 * server, and the server is reset (mailbox and its listeners, sessions, failure rules) before
 * each test method.
 * The server closes with the context. Inject it with {@code @Autowired FakeSmtpServer}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeSmtp(startTls = true, username = "app", password = "secret")
 * class WelcomeMailTest {
 *     @Autowired FakeSmtpServer smtp;
 *     @Autowired SignupService signup;
 *
 *     @Test
 *     void sendsWelcomeMail() {
 *         signup.register("bob@example.com");
 *         ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *         assertThat(mail.subject()).isEqualTo("Welcome");
 *     }
 * }
 * }</pre>
 *
 * <p>To configure the server beyond these attributes, declare one {@code FakeSmtpServer} bean in
 * a test configuration and leave {@link #startTls()}, {@link #implicitTls()},
 * {@link #requireAuth()}, {@link #hostname()} and {@link #webUi()} at their defaults: that bean is then the one
 * wired (started if it was not), and the attributes' server is discarded.
 *
 * <p>With Spring Boot, the annotation also imports the mail and SSL auto-configurations, so
 * test slices that leave them out still get a {@code JavaMailSender}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFakeSmtp {

    /**
     * Offers STARTTLS and refuses mail before it; the application is told to require STARTTLS
     * and to trust the server through the SSL bundle {@value #SSL_BUNDLE}, hostname verified.
     *
     * @return whether the server requires STARTTLS; {@code false} by default
     */
    boolean startTls() default false;

    /**

     * Speaks TLS from the first byte (the "port 465" mode); the application gets {@code spring.mail.ssl.enabled}.

     *

     * @return whether the server speaks implicit TLS; {@code false} by default

     */
    boolean implicitTls() default false;

    /**

     * Refuses MAIL before a successful AUTH (530 5.7.0); give {@link #username()} so the application can log in.

     *

     * @return whether the server requires AUTH; {@code false} by default

     */
    boolean requireAuth() default false;

    /**
     * The one account the server accepts, which the application logs in with
     * ({@code spring.mail.username}); empty for none. With a server bean, only the application's login.
     *
     * @return the one account the server accepts, which the application logs in with ({@code spring.mail.username})
     */
    String username() default "";

    /** {@return the password of {@link #username()} ({@code spring.mail.password})} */
    String password() default "";

    /** {@return the name in the server's greeting and EHLO reply; empty for the core's default, {@code localhost}} */
    String hostname() default "";

    /**
     * Starts the server's live viewer ({@code FakeSmtpServer.Builder.webUi()}): the mailbox, each
     * message and the SMTP transcripts in a browser, on a free loopback port that is logged at
     * start and returned by {@code server.webUiUri()}. Like the other server attributes, it cannot
     * be combined with a {@code FakeSmtpServer} bean: build that one with {@code webUi()}.
     *
     * @return true to start the viewer with the server
     */
    boolean webUi() default false;

    /** The name of the SSL bundle ({@code spring.ssl.bundle.pem.fake-smtp}) that trusts a TLS server. */
    String SSL_BUNDLE = "fake-smtp";
}
