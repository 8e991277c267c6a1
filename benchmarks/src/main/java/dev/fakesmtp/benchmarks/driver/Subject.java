package dev.fakesmtp.benchmarks.driver;

import java.io.File;
import java.nio.file.Path;

/**
 * A server under test and the JDK its JVM runs on.
 *
 * @param id the name used on the command line and in the report's cells
 * @param kind what the forked JVM starts: fake-smtp-vt, fake-smtp-platform, fake-smtp-pt, greenmail, wiser or
 *     dumbster
 * @param label the column title in the report
 * @param java the java executable
 * @param classPathPrefix jars put before the benchmark's class path (e.g. a patched core), or ""
 */
public record Subject(String id, String kind, String label, Path java, String classPathPrefix) {

    /** A subject on the benchmark's own class path, named after its kind. */
    public Subject(String kind, String label, Path java) {
        this(kind, kind, label, java, "");
    }

    /** True for the fake-smtp subjects. */
    public boolean isFakeSmtp() {
        return kind.startsWith("fake-smtp");
    }

    /** The class path of this subject's JVMs. */
    public String classPath() {
        String own = System.getProperty("java.class.path");
        return classPathPrefix.isEmpty() ? own : classPathPrefix + File.pathSeparator + own;
    }
}
