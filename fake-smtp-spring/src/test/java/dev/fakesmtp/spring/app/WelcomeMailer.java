package dev.fakesmtp.spring.app;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends a plain-text welcome mail, synchronously. */
@Service
public class WelcomeMailer {

    /** The sender of every mail of the shop. */
    public static final String FROM = "noreply@shop.test";

    private final JavaMailSender mailSender;

    /** Uses the sender that Spring Boot configured from {@code spring.mail.*}. */
    public WelcomeMailer(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    /** Sends "Welcome, {name}" to {@code to}. */
    public void sendWelcome(String to, String name) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(FROM);
        message.setTo(to);
        message.setSubject("Welcome, " + name);
        message.setText("Hello " + name + ", your account is ready.");
        mailSender.send(message);
    }
}
