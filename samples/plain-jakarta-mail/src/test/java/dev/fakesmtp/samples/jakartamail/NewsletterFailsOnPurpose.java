package dev.fakesmtp.samples.jakartamail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A test that fails on purpose: the newsletter's subject has a typo. When it fails, {@code @SmtpServer}
 * writes what the server captured to {@code target/fake-smtp-reports/<this class>/<method>/index.html}
 * and the failure ends with {@code Suppressed: Captured mail: file:///.../index.html}: open it to
 * see the rendered newsletter, its attachments and the SMTP dialogue. {@link ReportOnFailureTest}
 * runs it and checks that report; {@code fake-smtp-browser-tests} opens it in Chromium.
 */
@SmtpServer
@OnlyThroughTestKit
@Timeout(30)
public class NewsletterFailsOnPurpose {

    /** The subject the test expects. */
    public static final String EXPECTED_SUBJECT = "Spring sale: 20% off everything";
    /** The subject the code under test sends (the bug). */
    public static final String SENT_SUBJECT = "Sprng sale: 20% off everything";
    /** A line of the HTML body, to look for in the rendered page. */
    public static final String HEADLINE = "Twenty percent off, this week only";
    /** The attached price list. */
    public static final byte[] PRICE_LIST = "%PDF-1.7\n% price list \u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
    /** The attached banner image, a PNG. */
    public static final byte[] BANNER = banner();

    @Test
    void newsletterHasTheRightSubject(FakeSmtpServer smtp, Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties()).from("news@shop.test").build();

        notifier.send(Notification.of(SENT_SUBJECT, HEADLINE + ". Visit https://shop.test/sale", "bob@example.com")
                .withHtml("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                        + "<h1 style=\"color:#b3261e\">" + HEADLINE + "</h1>"
                        + "<p>Dear Bob, everything in the shop is <b>20% off</b> until Sunday.</p>"
                        + "<p><a href=\"https://shop.test/sale\">Shop the sale</a></p></body></html>")
                .withAttachment(FileAttachment.of("banner.png", "image/png", BANNER))
                .withAttachment(FileAttachment.of("price-list.pdf", "application/pdf", PRICE_LIST)));

        assertThat(mailbox).singleMessage().hasSubject(EXPECTED_SUBJECT);
    }

    private static byte[] banner() {
        BufferedImage image = new BufferedImage(240, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xB3261E));
        graphics.fillRect(0, 0, 240, 60);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(16, 16, 208, 28);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
