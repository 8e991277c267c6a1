package dev.fakesmtp.samples.springmail;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A small shop: people sign up (and get a welcome mail in the background) and reset forgotten
 * passwords (with a single-use link by mail). Mail goes through Spring Boot's {@code JavaMailSender}.
 */
@SpringBootApplication
@EnableAsync
@EnableConfigurationProperties(ShopProperties.class)
public class ShopApplication {

    /** Starts the shop. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** The time source for token expiry; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
