package org.stracels.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.Finding;
import org.stracels.check.FindingClass;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;
import org.stracels.view.TraceStats;

/**
 * A trace read window by window gives the answers the same text gives in memory: every finding (at the same
 * line, column, code and message) and every count, for each real trace of testdata and for all of them one
 * after the other, with windows small enough that every edge case of their joins is crossed: calls cut across
 * windows, processes alive across many windows, pids reused.
 */
class WindowEquivalenceTest {
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata"));
    /** Tiny windows: edges everywhere; the cause analysis then sees less than it would, so its findings are left out. */
    private static final WindowScanner.Options TINY = new WindowScanner.Options(37, 16, 17);
    /** Windows whose look back and ahead cover what the cause analysis reads in these traces. */
    private static final WindowScanner.Options WIDE = new WindowScanner.Options(3000, 3000, 3000);

    @TempDir
    Path dir;

    static Stream<Path> traces() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTDATA)) {
            files.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".strace") || p.getParent().getFileName()
                    .toString().endsWith("-ff") || p.getParent().getFileName().toString().equals("ff")))
                    .sorted().forEach(all::add);
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void findingsOfEveryTraceAreTheSameInWindows(Path trace) throws Exception {
        String text = Files.readString(trace, StandardCharsets.UTF_8);
        assertSame(text, TINY, false);
        assertSame(text, WIDE, true);
    }

    @Test
    void allTracesOneAfterTheOtherAreTheSameInWindows() throws Exception {
        StringBuilder all = new StringBuilder();
        // Whether lines without a pid belong to the one live process depends on whether the file shows pids at all;
        // a reader in windows decides it from the first window (a quarter of a million lines by default), so this
        // file of many traces starts with one made with -f, as a real file with pids does within its first lines.
        List<Path> order = new ArrayList<>(traces().toList());
        order.sort(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().equals("busy.strace")));
        for (Path p : order) {
            String t = Files.readString(p, StandardCharsets.UTF_8);
            all.append(t);
            if (!t.endsWith("\n")) {
                all.append('\n');
            }
        }
        String text = all.toString();
        int windows = assertSame(text, TINY, false);
        assertThat(windows).as("windows crossed").isGreaterThan(100);
        assertSame(text, WIDE, true);
    }

    /** Compares findings and stats; returns how many windows were read. */
    private int assertSame(String text, WindowScanner.Options options, boolean withCauses) throws Exception {
        Trace whole = Trace.of(text);
        List<String> expected = new ArrayList<>();
        for (Finding f : Checker.check(whole, DiagnosticPolicy.DEFAULT, CancelCheck.NONE)) {
            if (withCauses || f.findingClass() != FindingClass.REPORTED_ERROR) {
                expected.add(describe(whole, f, LineOf.IDENTITY, withCauses));
            }
        }
        TraceStats expectedStats = TraceStats.of(whole);

        Path file = dir.resolve("trace.strace");
        // line breaks as the reader gives them (a lone CR or CRLF becomes LF); the text keeps its own otherwise
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<String> actual = new ArrayList<>();
        TraceStats.Counter counter = new TraceStats.Counter();
        int[] windows = {0};
        WindowScanner.Result result = WindowScanner.scan(TraceInput.open(file.toString()), options, CancelCheck.NONE,
                WindowScanner.Progress.NONE, w -> {
                    windows[0]++;
                    counter.add(w);
                    for (Finding f : Checker.check(w.trace(), DiagnosticPolicy.DEFAULT, w.from(), w.to(), CancelCheck.NONE)) {
                        if (withCauses || f.findingClass() != FindingClass.REPORTED_ERROR) {
                            actual.add(describe(w.trace(), f, w::global, withCauses));
                        }
                    }
                });
        assertThat(result.lines()).isEqualTo(whole.parsed().lineCount());
        assertThat(sorted(actual)).containsExactlyElementsOf(sorted(expected));
        TraceStats stats = counter.finish(result.finalState().processes(), result.lines());
        assertThat(List.of(describe(stats).split("\n"))).containsExactlyElementsOf(List.of(describe(expectedStats).split("\n")));
        if (options.blockLines() >= 1000) {
            // options that show in prefixes and arguments are sampled from the first lines, as in memory
            assertThat(stats.options).isEqualTo(expectedStats.options);
        }
        return windows[0];
    }

    interface LineOf {
        LineOf IDENTITY = l -> l;

        int global(int local);
    }

    /**
     * A finding as text; without causes, an exit's "; likely cause: …" is left out too: it comes from the cause
     * analysis, which in tiny windows sees less than it would.
     */
    private static String describe(Trace trace, Finding f, LineOf lines, boolean withCauses) {
        ParsedTrace p = trace.parsed();
        String message = f.message();
        int cause = message.indexOf("; likely cause: ");
        if (!withCauses && cause >= 0) {
            message = message.substring(0, cause);
        }
        return String.format("%08d:%d %s %s %s %s", lines.global(f.line()), f.start() - p.lineStart(f.line()),
                f.severity(), f.findingClass(), f.code(), message);
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    private static String describe(TraceStats s) {
        StringBuilder b = new StringBuilder();
        b.append(s.lines).append(' ').append(s.kinds).append('\n');
        s.syscalls.forEach(c -> b.append(c.name).append(' ').append(c.calls).append(' ').append(c.errors).append(' ')
                .append(c.nanos).append('\n'));
        b.append(s.failedCalls).append(' ').append(s.signals).append(' ').append(s.totalNanos).append('\n');
        for (ProcessInfo p : s.processes) {
            b.append(p.id()).append(' ').append(p.pid()).append(' ').append(p.parentPid()).append(' ')
                    .append(p.isThread()).append(' ').append(p.firstLine()).append('-').append(p.lastLine()).append(' ')
                    .append(p.endLine()).append(' ').append(p.createdAtLine()).append(' ').append(p.lineCount())
                    .append(' ').append(p.endingText()).append(' ').append(p.execs()).append('\n');
        }
        return b.toString();
    }
}
