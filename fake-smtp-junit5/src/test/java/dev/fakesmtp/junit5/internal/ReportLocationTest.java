package dev.fakesmtp.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where reports go by default: the build tool's output folder of the working directory. */
class ReportLocationTest {

    @Test
    void mavenAndUnknownBuildsUseTarget(@TempDir Path project) throws IOException {
        assertThat(ReportLocation.defaultBase(project)).isEqualTo(project.resolve("target/fake-smtp-reports"));
        Files.createFile(project.resolve("pom.xml"));
        Files.createFile(project.resolve("build.gradle"));
        assertThat(ReportLocation.defaultBase(project)).isEqualTo(project.resolve("target/fake-smtp-reports"));
    }

    @Test
    void gradleBuildsUseBuild(@TempDir Path project) throws IOException {
        Files.createFile(project.resolve("build.gradle.kts"));
        assertThat(ReportLocation.defaultBase(project)).isEqualTo(project.resolve("build/fake-smtp-reports"));
    }

    @Test
    void namesBecomeOnePathSegment() {
        assertThat(ReportLocation.safe("com.example.Outer$Inner")).isEqualTo("com.example.Outer$Inner");
        assertThat(ReportLocation.safe("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(ReportLocation.safe("..")).isEqualTo("_");
        assertThat(ReportLocation.safe("grüße / \\ :*")).isEqualTo("gr__e_______");
    }
}
