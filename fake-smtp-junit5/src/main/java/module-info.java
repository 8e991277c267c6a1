/**
 * JUnit Jupiter support for fake-smtp: {@link dev.fakesmtp.junit5.SmtpServer @SmtpServer} starts,
 * injects, resets and closes fake SMTP servers for tests.
 *
 * <p>A test module that declares {@code @SmtpServer} fields opens its test packages to
 * {@code org.junit.platform.commons}, as JUnit needs for any test class; the extension reads the
 * fields through JUnit's reflection support. Only {@code dev.fakesmtp.junit5} is exported.
 */
// The name the jar had as an automatic module; "junit5" names the JUnit line, hence the digit.
@SuppressWarnings("module")
module dev.fakesmtp.junit5 {
    requires transitive dev.fakesmtp.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    // A run of @SmtpFailureMatrix whose case the client never reached is aborted, as JUnit does.
    requires org.opentest4j;

    exports dev.fakesmtp.junit5;
}
