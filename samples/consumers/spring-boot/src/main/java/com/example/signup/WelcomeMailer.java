package com.example.signup;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

@Service
public class WelcomeMailer {

    private final JavaMailSender sender;

    public WelcomeMailer(JavaMailSender sender) {
        this.sender = sender;
    }

    public void sendWelcome(String address, String name) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("welcome@shop.test");
        message.setTo(address);
        message.setSubject("Welcome, " + name);
        message.setText("Hello " + name + ",\n\nYour account is ready.\n");
        sender.send(message);
    }
}
