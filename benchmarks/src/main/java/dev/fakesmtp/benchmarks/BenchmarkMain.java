package dev.fakesmtp.benchmarks;

import dev.fakesmtp.benchmarks.driver.Benchmarks;

/**
 * The benchmarks' entry point ({@code java -jar benchmarks/target/benchmarks.jar}):
 * <ul>
 *   <li>{@code --quick} (under two minutes) or {@code --full} (the default, under ten): the load
 *       driver against fake-smtp, GreenMail, Wiser and Dumbster;</li>
 *   <li>{@code jmh [JMH options]}: the JMH microbenchmarks of the hot paths.</li>
 * </ul>
 * See {@code benchmarks/README.md} for every option.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** Runs the load driver, or JMH when the first argument is {@code jmh}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            org.openjdk.jmh.Main.main(rest.length > 0 ? rest : new String[] {"-f", "1", "-wi", "3", "-w", "1s", "-i", "5",
                "-r", "1s", "(CommandParsing|DataReading|ReplyWriting|Transcript)Benchmark"});
            return;
        }
        System.exit(Benchmarks.run(args));
    }
}
