/**
 * Testcontainers support: containers started by Testcontainers send mail to an in-process
 * {@link dev.fakesmtp.FakeSmtpServer}, with the mailbox, assertions and failure rules of the test.
 *
 * <p>{@link dev.fakesmtp.testcontainers.FakeSmtpContainers#sendMailTo} points a container at a
 * server when the container starts; {@link dev.fakesmtp.testcontainers.SmtpEndpoint} is the host and
 * port a container uses, for containers in host network mode or through Testcontainers' host-port
 * exposure.
 */
package dev.fakesmtp.testcontainers;
