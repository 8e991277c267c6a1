package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine: cores, memory, CPU model, kernel and the JDKs. */
final class Machine {

    private Machine() {
    }

    static String describe(Jdks jdks) throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        String memory = run("free", "-h").lines().filter(l -> l.startsWith("Mem:")).findFirst().orElse("?")
                .replaceAll("\\s+", " ");
        return "`nproc` " + run("nproc").trim() + "; `free -h` " + memory + "; CPU " + cpu + "; Linux "
                + run("uname", "-r").trim() + "; JDK 17 = " + Jdks.version(jdks.home17()) + ", JDK "
                + jdks.feature25() + " = " + Jdks.version(jdks.home25()) + " (driver on " + Runtime.version() + ")";
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }
}
