/**
 * AssertJ assertions for fake-smtp: start with
 * {@link dev.fakesmtp.assertj.FakeSmtpAssertions#assertThat(dev.fakesmtp.Mailbox)} and describe
 * expected messages with {@link dev.fakesmtp.assertj.MailMatcher#mail()}. Needs AssertJ 3.x on
 * the test classpath (fake-smtp-core declares it optional).
 */
package dev.fakesmtp.assertj;
