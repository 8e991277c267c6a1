package com.example.signup;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.assertj.FakeSmtpSoftAssertions;
import dev.fakesmtp.junit5.SmtpServer;
import java.lang.module.ModuleDescriptor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ModulePathTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

    @SmtpServer
    static FakeSmtpServer tls = FakeSmtpServer.builder().requireTls().build();

    @Test
    void fakeSmtpRunsAsNamedModulesThatExportOnlyTheirApi() {
        Module core = FakeSmtpServer.class.getModule();
        assertThat(core.getName()).isEqualTo("dev.fakesmtp.core");
        assertThat(SmtpServer.class.getModule().getName()).isEqualTo("dev.fakesmtp.junit5");
        assertThat(core.getDescriptor().exports()).filteredOn(exports -> !exports.isQualified())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.fakesmtp", "dev.fakesmtp.assertj");
        // The one qualified export: the report renderer, to the JUnit module alone.
        assertThat(core.getDescriptor().exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
                .singleElement().satisfies(exports -> {
                    assertThat(exports.source()).isEqualTo("dev.fakesmtp.internal.web");
                    assertThat(exports.targets()).containsExactly("dev.fakesmtp.junit5");
                });
        assertThat(getClass().getModule().canRead(core)).isTrue();
        assertThat(core.isExported("dev.fakesmtp.internal.web", getClass().getModule())).isFalse();
        assertThat(ModulePathTest.class.getModule().getName()).isEqualTo("com.example.signup");
    }

    @Test
    void capturesWhatTheApplicationSent(@SmtpServer("smtp") Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");

        assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofSeconds(10))
                .hasSubject("Welcome!")
                .hasTextContaining("Your account is ready")
                .hasAttachments("terms.pdf")
                .isEncodedCorrectly();
    }

    @Test
    void startTlsWithTheBundledCertificateAuthority(@SmtpServer("tls") Mailbox mailbox) {
        new WelcomeMailer(tls.mailProperties()).sendWelcome("bob@example.com");

        assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofSeconds(10)).wasSentOverTls();
    }

    @Test
    void softAssertionsProxyTheAssertClasses(@SmtpServer("smtp") Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");
        mailbox.awaitMessages(1, Duration.ofSeconds(10));

        FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();
        softly.assertThat(mailbox).hasSize(1).singleMessage().hasSubject("Welcome!");
        softly.assertThat(smtp).hasNoViolations();
        softly.assertAll();
    }
}
