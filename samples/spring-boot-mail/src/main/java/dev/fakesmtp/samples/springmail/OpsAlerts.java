package dev.fakesmtp.samples.springmail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Tells the operations team (by mail, {@code shop.ops-address}) about mails that could not be delivered. */
@Component
public class OpsAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(OpsAlerts.class);

    private final JavaMailSender mailSender;
    private final ShopProperties shop;

    /** Wires the mail sender and the settings. */
    public OpsAlerts(JavaMailSender mailSender, ShopProperties shop) {
        this.mailSender = mailSender;
        this.shop = shop;
    }

    /** Reports an undeliverable welcome mail; if even this fails, it is only logged. */
    public void welcomeMailFailed(Account account, MailFailure failure) {
        SimpleMailMessage alert = new SimpleMailMessage();
        alert.setFrom(shop.mailFrom());
        alert.setTo(shop.opsAddress());
        alert.setSubject("Welcome mail undeliverable: " + account.email());
        alert.setText("The welcome mail to " + account.email() + " could not be delivered.\n"
                + "Reply code: " + failure.replyCode() + "\n"
                + "Reason: " + failure.reason() + "\n");
        try {
            mailSender.send(alert);
        } catch (MailException e) {
            LOG.error("Could not send the alert about {}: {}", account.email(), e.getMessage());
        }
    }
}
