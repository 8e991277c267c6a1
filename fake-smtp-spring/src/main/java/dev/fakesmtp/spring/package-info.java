/**
 * Spring test-context integration: {@link dev.fakesmtp.spring.AutoConfigureFakeSmtp} starts a
 * fake SMTP server per cached application context and wires {@code spring.mail.*} to it.
 */
package dev.fakesmtp.spring;
