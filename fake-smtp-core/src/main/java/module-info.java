/**
 * fake-smtp: an in-process fake SMTP server for tests. Start one with
 * {@link dev.fakesmtp.FakeSmtpServer#builder()}; {@code dev.fakesmtp.assertj} has AssertJ
 * assertions for what it captured.
 *
 * <p>Only the API packages are exported; everything under {@code dev.fakesmtp.internal} may change
 * in any release. A new API package needs an {@code exports} line here, a JDK module outside
 * {@code java.base} a {@code requires} line.
 */
// The qualified export below names dev.fakesmtp.junit5, which is built after this module.
@SuppressWarnings("module")
module dev.fakesmtp.core {
    // ReceivedMail.mimeMessage() and Session properties are Jakarta Mail types. Any provider of
    // the API serves (Eclipse Angus: angus-mail, or the all-in-one org.eclipse.angus:jakarta.mail),
    // found through the API's service loader.
    requires transitive jakarta.mail;
    // Only dev.fakesmtp.assertj needs AssertJ, an optional dependency: a test module that uses it
    // requires org.assertj.core itself. Not transitive: modules that read this one (junit5) would
    // then need AssertJ to compile.
    requires static org.assertj.core;
    // The live viewer (builder().webUi()) serves its pages with the JDK's own HTTP server.
    requires jdk.httpserver;

    exports dev.fakesmtp;
    exports dev.fakesmtp.assertj;
    // The JUnit extension writes a failing test's mail report with the viewer's renderer.
    exports dev.fakesmtp.internal.web to dev.fakesmtp.junit5;

    // AssertJ's soft assertions proxy the Assert classes with a private lookup in their package.
    opens dev.fakesmtp.assertj to org.assertj.core;
}
