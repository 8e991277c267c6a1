package dev.fakesmtp.junit5;

/**
 * When {@link SmtpServer @SmtpServer} writes a report of the mail a test sent: {@code index.html}
 * (every message rendered, its attachments, headers, raw source and the SMTP transcripts; one file,
 * no script, nothing remote) and each message as {@code .eml}, in
 * {@code target/fake-smtp-reports/<class>/<method>/} (configuration parameter
 * {@value #DIRECTORY_PARAMETER} to move it). A failing test's stack trace then ends with
 * {@code Suppressed: Captured mail: file:///.../index.html}.
 */
public enum Report {

    /** After every test, passed or failed. */
    ALWAYS,

    /** After a test that failed (the default); an aborted (assumption-failed) test is not a failure. */
    ON_FAILURE,

    /** Never. */
    NEVER;

    /**
     * The JUnit configuration parameter (or system property) that sets the folder reports go to;
     * by default {@code target/fake-smtp-reports}, or {@code build/fake-smtp-reports} in a Gradle build.
     */
    public static final String DIRECTORY_PARAMETER = "fakesmtp.report.directory";
}
