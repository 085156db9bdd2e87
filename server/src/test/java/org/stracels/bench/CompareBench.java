package org.stracels.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stracels.compare.Comparison;
import org.stracels.compare.Difference;

/**
 * Benchmark of {@code strace-ls diff} on two large runs. Not a test: run it by hand and read the figures.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -Xmx1g -cp server/target/strace-ls.jar:server/target/test-classes org.stracels.bench.CompareBench \
 *      [testdata/busy.strace] [1000000]
 * </pre>
 *
 * It writes two files of the requested number of lines by repeating a real -f -tt -T -yy trace: GOOD as is,
 * BAD with every pid moved by 1000 (as in any other run) and, half way, one open of /dev/null turned into a
 * failure. Then it compares them several times (both read from disk, streaming) and prints the time of each
 * run, the differences found, and the heap the comparison keeps.
 */
public final class CompareBench {
    private static final int RUNS = 3;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern NUMBER = Pattern.compile("\\b[0-9]{3,}\\b");

    private CompareBench() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "testdata/busy.strace");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path good = Path.of("/tmp/bench-diff-good.strace");
        Path bad = Path.of("/tmp/bench-diff-bad.strace");
        List<String> unit = Files.readAllLines(source, StandardCharsets.UTF_8);
        write(unit, lines, good, false);
        String broken = write(unit, lines, bad, true);
        System.out.printf("input: %s repeated to %,d lines: %s (%,d bytes), %s (%,d bytes); BAD fails: %s%n", source,
                lines, good, Files.size(good), bad, Files.size(bad), broken);

        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        Comparison c = null;
        for (int run = 1; run <= RUNS; run++) {
            c = null;
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            c = Comparison.of(List.of(good), List.of(good.toString()), List.of(bad), List.of(bad.toString()));
            long ns = System.nanoTime() - t0;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            best = Math.min(best, ns);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf("run %d: compare %.3f s wall, %.3f s cpu (%,d + %,d calls, %,d process pairs, %,d differences, %,d ranked)%n",
                    run, ns / 1e9, cpu / 1e9, c.goodCalls(), c.badCalls(), c.pairs().size(), c.differences().size(),
                    c.rankedDifferences().size());
        }
        System.out.printf("best: %.3f s wall, %.3f s cpu of the comparing thread, for 2 x %,d lines (%.0f ns/line wall)%n",
                best / 1e9, bestCpu / 1e9, lines, (double) best / (2.0 * lines));
        Difference first = c.rankedDifferences().isEmpty() ? null : c.rankedDifferences().get(0);
        System.out.println("first ranked difference: " + (first == null ? "none" : first.kind().id() + " at " + first.bad()
                + ": " + first.why()));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        c = null;
        long before = usedAfterGc(memory);
        Comparison kept = Comparison.of(List.of(good), List.of(good.toString()), List.of(bad), List.of(bad.toString()));
        long after = usedAfterGc(memory);
        long calls = kept.goodCalls() + kept.badCalls();
        System.out.printf("retained by the comparison: %,d bytes = %.1f bytes/call (%,d calls, %,d distinct normalised texts)"
                + "; the two files hold %,d bytes%n", after - before, (double) (after - before) / calls, calls,
                kept.distinctTexts(), Files.size(good) + Files.size(bad));
        System.out.printf("max heap: %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Writes {@code lines} lines of {@code unit} repeated; for BAD, pids moved and one openat failing. */
    private static String write(List<String> unit, int lines, Path out, boolean bad) throws IOException {
        String broken = null;
        String opening = null;
        java.util.Set<String> pids = new java.util.HashSet<>();
        for (String l : unit) {
            int space = l.indexOf(' ');
            if (space > 0 && l.substring(0, space).chars().allMatch(Character::isDigit)) {
                pids.add(l.substring(0, space));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                String line = unit.get(i % unit.size());
                if (bad) {
                    line = movePids(line, pids);
                    String pid = line.substring(0, Math.max(0, line.indexOf(' ')));
                    if (line.contains("\"/dev/null\"") && line.endsWith("<unfinished ...>")) {
                        opening = pid;
                    }
                    boolean devNull = line.contains("openat resumed>) = ") && pid.equals(opening);
                    if (broken == null && i >= lines / 2 && devNull) {
                        line = line.substring(0, line.indexOf(") = ") + 1) + " = -1 EACCES (Permission denied) <0.000009>";
                        broken = "line " + (i + 1);
                    }
                }
                w.write(line);
                w.write('\n');
            }
        }
        return broken;
    }

    /** Every number that is a pid of the trace (prefix, clone result, wait4, /proc/PID) moved by 1000. */
    private static String movePids(String line, java.util.Set<String> pids) {
        Matcher m = NUMBER.matcher(line);
        StringBuilder b = new StringBuilder(line.length() + 8);
        int last = 0;
        while (m.find()) {
            if (pids.contains(m.group())) {
                b.append(line, last, m.start()).append(Long.parseLong(m.group()) + 1000);
                last = m.end();
            }
        }
        return b.append(line, last, line.length()).toString();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
