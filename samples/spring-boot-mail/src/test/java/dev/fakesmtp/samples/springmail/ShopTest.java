package dev.fakesmtp.samples.springmail;

import dev.fakesmtp.spring.AutoConfigureFakeSmtp;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shop with a fake submission server that, like the real one, wants STARTTLS and a login.
 * Every class with this annotation shares one application context and so one server, which is
 * reset before each test; the lock keeps such classes from running at the same time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = ShopApplication.class, properties = "shop.welcome-mail.retry-delay=10ms")
@AutoConfigureFakeSmtp(startTls = true, requireAuth = true, username = "shop", password = "s3cret")
@ResourceLock("shop-application-context")
@Timeout(30)
@interface ShopTest {
}
