package dev.fakesmtp.spring.app;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Sends an order receipt (text, HTML and a CSV attachment) on a background thread. */
@Service
public class ReceiptMailer {

    private final JavaMailSender mailSender;

    /** Uses the sender that Spring Boot configured from {@code spring.mail.*}. */
    public ReceiptMailer(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    /** Returns at once; the mail goes out on Spring's task executor. */
    @Async
    public CompletableFuture<Void> sendReceipt(String to, String orderId) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(WelcomeMailer.FROM);
            helper.setTo(to);
            helper.setSubject("Receipt for order " + orderId);
            helper.setText("Thank you for order " + orderId + ".",
                    "<p>Thank you for order <b>" + orderId + "</b>.</p>");
            byte[] csv = ("order," + orderId + "\n").getBytes(StandardCharsets.US_ASCII);
            helper.addAttachment(orderId + ".csv", new ByteArrayResource(csv), "text/csv");
            mailSender.send(message);
            return CompletableFuture.completedFuture(null);
        } catch (MessagingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
