package org.stracels.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stracels.analysis.Trace;
import org.stracels.cause.CauseAnalysis;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/**
 * Benchmark of the cause analysis (reported errors and their ranked causes) on traces of 100,000 lines. Not a
 * test: run it by hand and read the figures.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp server/target/classes:server/target/test-classes org.stracels.bench.CauseBench [testdata] [100000]
 * </pre>
 *
 * Each trace of the misleading-message testdata (and two others) is repeated to the given number of lines: every
 * repetition is a new process with its own message, so the file holds thousands of reported errors, each
 * ranked. {@code tail} is the worst case for one message: the 100,000 lines of busy.strace (thousands of
 * failed calls) followed by one process's message, whose window reaches back as far as the ranking looks.
 * Prints the best of several warm runs: parse + model, the analysis alone, and all diagnostics (which include it).
 */
public final class CauseBench {
    private static final int RUNS = 9;
    private static final List<String> FILES = List.of("xauth-link.strace", "ln-link.strace", "perm-denied.strace",
            "config-search.strace", "net-timeout.strace", "plain.strace", "busy.strace");

    private CauseBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "testdata");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf("%-22s %9s %9s %14s %12s %12s%n", "trace", "lines", "reports", "parse+model", "analysis",
                "diagnostics");
        for (String name : FILES) {
            bench(name, repeat(Files.readString(dir.resolve(name), StandardCharsets.UTF_8), lines));
        }
        String busy = repeat(Files.readString(dir.resolve("busy.strace"), StandardCharsets.UTF_8), lines);
        bench("tail (busy + 1 msg)", busy + Files.readString(dir.resolve("xauth-link.strace"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^", "99999 "));
        bench("stderr log (made up)", repeat(LOG, lines));
    }

    /** A server logging every request on stderr and succeeding: many writes to fd 2, no error among them. */
    private static final String LOG = """
            accept4(3, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC) = 4
            read(4, "GET /index.html HTTP/1.1\\r\\nHost: l"..., 8192) = 78
            openat(AT_FDCWD, "/srv/www/index.html", O_RDONLY) = 5
            sendfile(4, 5, NULL, 4096)              = 1024
            close(5)                                = 0
            close(4)                                = 0
            write(2, "127.0.0.1 GET /index.html 200 10"..., 36) = 36
            """;

    private static void bench(String name, String text) {
        long parse = Long.MAX_VALUE;
        long analysis = Long.MAX_VALUE;
        long check = Long.MAX_VALUE;
        int reports = 0;
        int count = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            Trace trace = Trace.of(text);
            long t1 = System.nanoTime();
            CauseAnalysis a = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
            long t2 = System.nanoTime();
            Trace fresh = Trace.of(text);
            long t3 = System.nanoTime();
            Checker.check(fresh);
            long t4 = System.nanoTime();
            parse = Math.min(parse, t1 - t0);
            analysis = Math.min(analysis, t2 - t1);
            check = Math.min(check, t4 - t3);
            reports = a.reports().size();
            count = trace.parsed().lineCount();
        }
        System.out.printf("%-22s %,9d %,9d %11.1f ms %9.1f ms %9.1f ms%n", name, count, reports, parse / 1e6,
                analysis / 1e6, check / 1e6);
    }

    /** The trace's lines repeated to {@code lines} lines. */
    static String repeat(String unit, int lines) {
        String[] unitLines = unit.split("\n", -1);
        int unitCount = unit.endsWith("\n") ? unitLines.length - 1 : unitLines.length;
        StringBuilder b = new StringBuilder(unit.length() * (lines / unitCount + 1));
        for (int i = 0; i < lines; i++) {
            b.append(unitLines[i % unitCount]).append('\n');
        }
        return b.toString();
    }
}
