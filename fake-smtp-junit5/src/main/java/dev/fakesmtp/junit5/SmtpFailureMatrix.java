package dev.fakesmtp.junit5;

import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per case of the {@link dev.fakesmtp.FailureCatalog}: write one test of
 * what your client should do when sending fails, and it meets every failure a real server
 * produces. Each run gets a server with the case applied and the case itself as a
 * {@link dev.fakesmtp.FailureCase} parameter, next to {@code FakeSmtpServer} and {@code Mailbox}
 * parameters; its display name is the case's, e.g. "RCPT 550 5.1.1 user unknown [PERMANENT]".
 *
 * <pre>{@code
 * @SmtpFailureMatrix
 * void notifierCopes(FailureCase failure, FakeSmtpServer smtp, Mailbox mailbox) {
 *     Notifier notifier = new Notifier(smtp.mailProperties());  // short client timeouts!
 *     DeliveryResult result = notifier.send(notification);
 *     switch (failure.reaction()) {
 *         case RETRY, FALL_BACK -> assertThat(mailbox.messagesTo("bob@example.com")).hasSize(1);
 *         case GIVE_UP -> assertThat(result.isDelivered()).isFalse();
 *         case DO_NOT_RESEND -> assertThat(mailbox.messagesTo("bob@example.com")).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p><b>The server.</b> The one {@code @SmtpServer} gives the test (a fresh one per run, or a
 * declared one reset before each run), else the {@code FakeSmtpServer} of a Spring test's
 * application context ({@code @AutoConfigureFakeSmtp}), else a server the test instance holds in
 * a {@code FakeSmtpServer} field; those two are reset before each run and never closed by it, and
 * their runs should not run in parallel. Else a fresh server with the default configuration.
 * The case's rules are installed before the test's own {@code @BeforeEach} methods run: do not
 * reset the server there. Cases the server cannot have (STARTTLS cases without STARTTLS, AUTH
 * cases without AUTH, ...) are skipped with the reason; runs in which the client never reached
 * the failure (an AUTH case for a client that does not log in) are aborted and say so, since
 * they tested nothing, whether the test passed or failed.
 *
 * <p><b>The report.</b> After the last run, one line per case (handled, not handled, skipped,
 * not reached) with, for each case the client did not handle, the transcript line where it went
 * wrong, and a summary such as "client handled 27 of 31 failure cases; not handled: ...": as a
 * JUnit report entry, and as a Markdown file in the build directory
 * ({@code target/fake-smtp-failure-matrix/} with Maven, {@code build/...} with Gradle; the JUnit
 * configuration parameter {@code fakesmtp.failureMatrix.reportDir} names another). On JUnit
 * 5.12 and newer the file is also published to JUnit's own output directory.
 *
 * <p>Give the client short timeouts (e.g. {@code mail.smtp.timeout=2000}): the TIMEOUT cases
 * answer two minutes late, and the client's timeout is what ends them.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith({SmtpServerExtension.class, SmtpFailureMatrixExtension.class})
public @interface SmtpFailureMatrix {

    /**
     * The kinds of failure to run; empty (the default) for all.
     *
     * @return the kinds
     */
    FailureKind[] kinds() default {};

    /**
     * The stages to run; empty (the default) for all.
     *
     * @return the stages
     */
    FailureStage[] stages() default {};

    /**
     * The ids of the cases to run (of the selected kinds and stages); empty (the default) for all.
     *
     * @return case ids such as {@code "rcpt-550-user-unknown"}
     */
    String[] include() default {};

    /**
     * The ids of cases not to run, e.g. ones your client cannot meet.
     *
     * @return case ids
     */
    String[] exclude() default {};
}
