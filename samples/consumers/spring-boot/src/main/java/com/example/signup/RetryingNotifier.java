package com.example.signup;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends a notification, trying again (up to three times) when the server fails. */
@Service
public class RetryingNotifier {

    private final JavaMailSender sender;

    public RetryingNotifier(JavaMailSender sender) {
        this.sender = sender;
    }

    public void send(String address, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("orders@shop.test");
        message.setTo(address);
        message.setSubject(text);
        message.setText(text + "\n");
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(message);
                return;
            } catch (MailException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
