// Open: JUnit creates the test classes and reads their @SmtpServer fields by reflection.
open module com.example.signup {
    requires dev.fakesmtp.junit5;   // and, through it, dev.fakesmtp.core and org.junit.jupiter.api
    requires org.assertj.core;      // dev.fakesmtp.assertj needs it; the core reads it only statically
    requires java.net.http;         // the test that reads the live viewer's pages
}
