package dev.fakesmtp.spring.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** A small shop application that sends mail through Spring Boot's {@code JavaMailSender}. */
@SpringBootApplication
@EnableAsync
public class MailApplication {

    /** Runs the application (unused by the tests, which start it through {@code @SpringBootTest}). */
    public static void main(String[] args) {
        SpringApplication.run(MailApplication.class, args);
    }
}
