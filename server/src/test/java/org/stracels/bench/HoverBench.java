package org.stracels.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.stracels.analysis.Trace;
import org.stracels.hover.HoverOptions;
import org.stracels.hover.HoverProvider;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/**
 * Benchmark of hover on a large trace: hovers on every token kind at lines spread over the file, after a
 * warm-up, and prints the median, 99th percentile and worst time. Not a test.
 *
 * <pre>
 * java -Xmx4g -cp server/target/classes:server/target/test-classes:$GSON org.stracels.bench.HoverBench [/tmp/bench-1M.strace]
 * </pre>
 * (make the file with ParseBench first).
 */
public final class HoverBench {
    private HoverBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench-1M.strace");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Trace trace = Trace.of(text);
        System.out.printf("%s: %,d lines, parse+model %.3f s%n", file, trace.parsed().lineCount(), (System.nanoTime() - t0) / 1e9);
        int[] offsets = sampleOffsets(trace, 4_000);
        run(trace, offsets, Math.min(1_000, offsets.length)); // warm-up
        long[] times = run(trace, offsets, offsets.length);
        int worst = 0;
        for (int i = 1; i < times.length; i++) {
            worst = times[i] > times[worst] ? i : worst;
        }
        int worstLine = trace.parsed().lineAt(offsets[worst]);
        String worstText = text.substring(trace.parsed().lineStart(worstLine), trace.parsed().lineEnd(worstLine));
        System.out.printf("slowest: line %d, column %d: %s%n", worstLine + 1, offsets[worst] - trace.parsed().lineStart(worstLine) + 1,
                worstText.length() > 120 ? worstText.substring(0, 120) + "…" : worstText);
        Arrays.sort(times);
        System.out.printf("hover: %d requests on syscall names, arguments, fds, results, errnos, pids, times%n", times.length);
        System.out.printf("median %.3f ms, p99 %.3f ms, worst %.3f ms%n", times[times.length / 2] / 1e6,
                times[(int) (times.length * 0.99)] / 1e6, times[times.length - 1] / 1e6);
    }

    private static long[] run(Trace trace, int[] offsets, int count) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HoverProvider.hover(trace, offsets[i], HoverOptions.WITHOUT_MAN_PAGES);
            times[i] = System.nanoTime() - t;
        }
        return times;
    }

    /** Offsets of several tokens on syscall lines spread evenly over the whole file. */
    private static int[] sampleOffsets(Trace trace, int lines) {
        ParsedTrace parsed = trace.parsed();
        int[] offsets = new int[lines * 5];
        int n = 0;
        int step = Math.max(1, parsed.lineCount() / lines);
        for (int i = step / 2; i < parsed.lineCount() && n + 5 <= offsets.length; i += step) {
            if (!parsed.kind(i).isSyscall() || parsed.kind(i) == LineKind.PARTIAL) {
                continue;
            }
            ParsedLine line = parsed.line(i);
            offsets[n++] = line.nameSpan().start();
            if (line.argsSpan().length() > 0) {
                offsets[n++] = line.argsSpan().start();
                offsets[n++] = line.argsSpan().start() + line.argsSpan().length() / 2;
            }
            if (line.returnValueSpan().isPresent()) {
                offsets[n++] = line.returnValueSpan().start();
            }
            if (line.pidSpan().isPresent()) {
                offsets[n++] = line.pidSpan().start();
            }
        }
        return Arrays.copyOf(offsets, n);
    }
}
