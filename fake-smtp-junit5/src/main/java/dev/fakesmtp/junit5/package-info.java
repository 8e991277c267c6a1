/**
 * JUnit Jupiter support: {@link dev.fakesmtp.junit5.SmtpServer @SmtpServer} starts, injects,
 * resets and closes fake SMTP servers for tests, and
 * {@link dev.fakesmtp.junit5.SmtpFailureMatrix @SmtpFailureMatrix} runs a test once per case of
 * the failure catalogue. Works on JUnit 5.10 and newer, JUnit 6 included.
 */
package dev.fakesmtp.junit5;
