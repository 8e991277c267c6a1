package dev.fakesmtp.samples.jakartamail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What a developer gets when a mail test fails: {@link NewsletterFailsOnPurpose} fails, and its
 * failure names a report on disk that holds the newsletter, its attachments and the SMTP dialogue.
 */
@Timeout(60)
class ReportOnFailureTest {

    @Test
    void aFailingMailTestLeavesAReportOfTheMailItSent() throws IOException {
        Throwable failure = runFailingTest();

        assertThat(failure).hasMessageContaining(NewsletterFailsOnPurpose.EXPECTED_SUBJECT)
                .hasMessageContaining(NewsletterFailsOnPurpose.SENT_SUBJECT);
        assertThat(failure.getSuppressed()).singleElement().asString().startsWith("Captured mail: file:");
        Path index = Path.of(URI.create(failure.getSuppressed()[0].toString().substring("Captured mail: ".length())));
        assertThat(index).endsWith(Path.of("target", "fake-smtp-reports", NewsletterFailsOnPurpose.class.getName(),
                "newsletterHasTheRightSubject", "index.html"));
        assertThat(Files.readString(index)).contains(NewsletterFailsOnPurpose.SENT_SUBJECT,
                NewsletterFailsOnPurpose.HEADLINE, "banner.png", "price-list.pdf", "C: DATA", "S: 221");
        Path folder = index.getParent();
        assertThat(Files.readString(folder.resolve("message-1.eml"), StandardCharsets.UTF_8))
                .contains("Subject: " + NewsletterFailsOnPurpose.SENT_SUBJECT, "To: bob@example.com");
        assertThat(folder.resolve("message-1").resolve("1-banner.png")).hasBinaryContent(NewsletterFailsOnPurpose.BANNER);
        assertThat(folder.resolve("message-1").resolve("2-price-list.pdf"))
                .hasBinaryContent(NewsletterFailsOnPurpose.PRICE_LIST);
    }

    /** Runs the test that fails on purpose, as the build would, and returns its failure. */
    static Throwable runFailingTest() {
        Event failed = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyThroughTestKit.ENABLED, "true")
                .selectors(selectClass(NewsletterFailsOnPurpose.class))
                .execute().testEvents().failed().stream().findFirst()
                .orElseThrow(() -> new AssertionError("NewsletterFailsOnPurpose did not fail"));
        return failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
