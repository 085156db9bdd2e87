package org.stracels.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stracels.analysis.Trace;

/**
 * Benchmark of parse + model on a large busy trace. Not a test: run it by hand and read the figures.
 *
 * <pre>
 * mvn -q test-compile
 * java -Xmx4g -cp server/target/classes:server/target/test-classes org.stracels.bench.ParseBench \
 *      [testdata/busy.strace] [1000000] [/tmp/bench-1M.strace]
 * </pre>
 *
 * It builds a file of the requested number of lines by repeating a real -f -tt -T -yy trace, writes it
 * out (so that {@code strace-ls.jar stats} can be timed on the same file), then parses and models it
 * several times and prints the time of each run and the heap the result keeps per line, beyond the text.
 */
public final class ParseBench {
    private static final int RUNS = 7;

    private ParseBench() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "testdata/busy.strace");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/bench-1M.strace");

        String text = repeat(Files.readString(source, StandardCharsets.UTF_8), lines);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.printf("input: %s repeated to %,d lines, %,d chars, written to %s%n", source, lines, text.length(), out);

        long best = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            Trace trace = Trace.of(text);
            long ns = System.nanoTime() - t0;
            best = Math.min(best, ns);
            System.out.printf("run %d: parse+model %.3f s (%d lines, %d processes)%n", run, ns / 1e9,
                    trace.parsed().lineCount(), trace.model().processes().size());
        }
        System.out.printf("best warm parse+model: %.3f s for %,d lines (%.0f ns/line)%n", best / 1e9, lines,
                (double) best / lines);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        Trace kept = Trace.of(text);
        long after = usedAfterGc(memory);
        long retained = after - before;
        System.out.printf("retained by parse+model beyond the text: %,d bytes = %.1f bytes/line "
                + "(index %,d + model arrays %,d)%n", retained, (double) retained / kept.parsed().lineCount(),
                kept.parsed().indexBytes(), kept.model().indexBytes());
    }

    private static String repeat(String unit, int lines) {
        String[] unitLines = unit.split("\n", -1);
        int unitCount = unit.endsWith("\n") ? unitLines.length - 1 : unitLines.length;
        StringBuilder b = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, (long) unit.length() * lines / unitCount + 1024));
        for (int i = 0; i < lines; i++) {
            b.append(unitLines[i % unitCount]).append('\n');
        }
        return b.toString();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
