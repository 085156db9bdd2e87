package org.stracels.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.Trace;
import org.stracels.navigate.Definition;
import org.stracels.navigate.References;
import org.stracels.parse.CancelCheck;

/**
 * Benchmark of navigation on a large trace: building the fd model, then go to definition and find references
 * on fds all over the file. Not a test: run it by hand (after ParseBench has written the file).
 *
 * <pre>
 * mvn -q test-compile
 * java -Xmx4g -cp server/target/classes:server/target/test-classes org.stracels.bench.ParseBench
 * java -Xmx4g -cp server/target/classes:server/target/test-classes org.stracels.bench.NavBench [/tmp/bench-1M.strace]
 * </pre>
 */
public final class NavBench {
    private static final int RUNS = 5;
    private static final int REQUESTS = 2000;

    private NavBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench-1M.strace");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Trace trace = Trace.of(text);
        System.out.printf("input: %s, %,d lines, %,d processes%n", file, trace.parsed().lineCount(),
                trace.model().processes().size());

        long best = Long.MAX_VALUE;
        FdModel model = null;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            model = FdModel.build(trace, CancelCheck.NONE);
            long ns = System.nanoTime() - t0;
            best = Math.min(best, ns);
            System.out.printf("run %d: fd model %.3f s (%,d fd uses, %,d instances)%n", run, ns / 1e9, model.useCount(),
                    model.instanceCount());
        }
        System.out.printf("best warm fd model build: %.3f s (%.0f ns/line)%n", best / 1e9,
                (double) best / trace.parsed().lineCount());

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Trace fresh = Trace.of(text);
        long before = usedAfterGc(memory);
        FdModel kept = fresh.fds();
        long after = usedAfterGc(memory);
        System.out.printf("retained by the fd model: %,d bytes = %.1f bytes/line (arrays %,d)%n", after - before,
                (double) (after - before) / fresh.parsed().lineCount(), kept.bytes());

        // requests on fds spread over the whole file, after the model is built (as in the server)
        trace.fds();
        Random random = new Random(42);
        long[] definition = new long[REQUESTS];
        long[] references = new long[REQUESTS];
        long found = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (int i = 0; i < REQUESTS; i++) {
                int offset = trace.fds().useOffset(random.nextInt(trace.fds().useCount()));
                long t0 = System.nanoTime();
                found += Definition.find(trace, offset, CancelCheck.NONE).size();
                long t1 = System.nanoTime();
                found += References.find(trace, offset, true, CancelCheck.NONE).size();
                long t2 = System.nanoTime();
                definition[i] = t1 - t0;
                references[i] = t2 - t1;
            }
        }
        report("definition", definition);
        report("references", references);

        // the worst case for references: the fd instance with the most uses
        int widest = 0;
        int widestUses = 0;
        for (int i = 0; i < trace.fds().instanceCount(); i++) {
            int n = trace.fds().usesOf(i).length;
            if (n > widestUses) {
                widest = i;
                widestUses = n;
            }
        }
        int offset = trace.fds().useOffset(trace.fds().usesOf(widest)[0]);
        long bestWide = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            found += References.find(trace, offset, true, CancelCheck.NONE).size();
            bestWide = Math.min(bestWide, System.nanoTime() - t0);
        }
        System.out.printf("references on the fd with the most uses (%,d): %.3f ms%n", widestUses, bestWide / 1e6);
        System.out.printf("(%,d places found)%n", found);
    }

    private static void report(String what, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf("%s on %,d random fd uses: median %.3f ms, p99 %.3f ms, max %.3f ms%n", what, ns.length,
                sorted[ns.length / 2] / 1e6, sorted[ns.length * 99 / 100] / 1e6, sorted[ns.length - 1] / 1e6);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
