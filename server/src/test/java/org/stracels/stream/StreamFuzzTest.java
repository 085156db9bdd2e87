package org.stracels.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stracels.analysis.Trace;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.Finding;
import org.stracels.check.FindingClass;
import org.stracels.parse.CancelCheck;
import org.stracels.view.Summary;
import org.stracels.view.TraceStats;
import org.stracels.view.ViewFilter;
import org.stracels.view.Views;

/**
 * Broken and hostile files read window by window: real traces cut anywhere, with lines spliced and shuffled,
 * bytes that are not UTF-8, NULs and controls in the middle, CR, CRLF and LF mixed, lines of megabytes, random
 * window sizes. Nothing throws; the reader splits lines as the parser of a text in memory does (so every finding
 * but the cause analysis's lands where it does in memory); views, summaries and reports are made of every such file.
 * Seeded: a failure names its seed. {@code -Dstream.fuzz.count=N} runs more.
 */
class StreamFuzzTest {
    private static final int COUNT = Integer.getInteger("stream.fuzz.count", 40);
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata"));

    @TempDir
    Path dir;

    @Test
    void brokenFilesAreReadInWindowsAsInMemory() throws Exception {
        List<byte[]> traces = new ArrayList<>();
        try (Stream<Path> files = Files.list(TESTDATA)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".strace")).sorted().toList()) {
                traces.add(Files.readAllBytes(p));
            }
        }
        for (int seed = 1; seed <= COUNT; seed++) {
            Random r = new Random(seed);
            byte[] bytes = mutate(r, traces);
            Path file = dir.resolve("fuzz-" + seed + ".strace");
            Files.write(file, bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            WindowScanner.Options options = new WindowScanner.Options(20 + r.nextInt(200), 16 + r.nextInt(4), 16 + r.nextInt(4));
            check(seed, file, text, options, r);
        }
    }

    private void check(int seed, Path file, String text, WindowScanner.Options options, Random r) throws Exception {
        TraceInput input;
        try {
            input = TraceInput.open(file.toString());
        } catch (TraceInputException e) {
            assertThat(e.getMessage()).as("seed " + seed).contains(file.toString()).doesNotContain("\n");
            return;
        }
        Trace whole = Trace.of(text);
        // A file that shows itself to be strace's stderr (its messages, [pid N]) has the program's own text in it,
        // not malformed lines; a reader in windows knows it from the first window on (README: what windows keep
        // exact), and a spliced file may show it only later: then which lines are malformed is not compared.
        boolean capture = org.stracels.parse.TraceParser.looksLikeCapture(whole.parsed());
        List<String> expected = new ArrayList<>();
        for (Finding f : Checker.check(whole, DiagnosticPolicy.DEFAULT, CancelCheck.NONE)) {
            if (capture && f.findingClass() == FindingClass.MALFORMED) {
                continue;
            }
            if (f.findingClass() != FindingClass.REPORTED_ERROR) {
                expected.add(whole.lineNumber(f.line()) + ":" + (f.start() - whole.parsed().lineStart(f.line())) + " " + f.code());
            }
        }
        List<String> actual = new ArrayList<>();
        TraceStats.Counter counter = new TraceStats.Counter();
        WindowScanner.Result result = WindowScanner.scan(input, options, CancelCheck.NONE, WindowScanner.Progress.NONE, w -> {
            counter.add(w);
            for (Finding f : Checker.check(w.trace(), DiagnosticPolicy.DEFAULT, w.from(), w.to(), CancelCheck.NONE)) {
                if (capture && f.findingClass() == FindingClass.MALFORMED) {
                    continue;
                }
                if (f.findingClass() != FindingClass.REPORTED_ERROR) {
                    actual.add(w.trace().lineNumber(f.line()) + ":" + (f.start() - w.trace().parsed().lineStart(f.line()))
                            + " " + f.code());
                }
            }
        });
        assertThat(result.lines()).as("seed " + seed + " lines").isEqualTo(whole.parsed().lineCount());
        actual.sort(null);
        expected.sort(null);
        assertThat(actual).as("seed " + seed + " findings").isEqualTo(expected);
        counter.finish(result.finalState().processes(), result.lines());

        TraceSource source = TraceSource.of(input, options);
        ViewFilter filter = new ViewFilter(r.nextBoolean() ? List.of(1 + r.nextInt(20000)) : List.of(), r.nextBoolean(),
                r.nextBoolean(), false, r.nextBoolean() ? Set.of("openat", "read") : Set.of(), Set.of(),
                r.nextBoolean() ? "/" : null, null, -1, -1, null, null, r.nextInt(3));
        if (filter.check() == null) {
            Views.View view = Views.of(source, filter, 1000, CancelCheck.NONE, WindowScanner.Progress.NONE);
            assertThat(view.lines()).as("seed " + seed + " view").isSorted().doesNotHaveDuplicates();
            assertThat(view.lines().length).isLessThanOrEqualTo(view.total());
        }
        Summary.Page page = Summary.of(source, CancelCheck.NONE, WindowScanner.Progress.NONE);
        assertThat(page.text()).as("seed " + seed + " summary").startsWith("Summary of ");

        // the HTML report of every such file: a whole page whose data reads back, a row per process
        java.io.StringWriter html = new java.io.StringWriter();
        org.stracels.report.HtmlReport.read(source, CancelCheck.NONE, WindowScanner.Progress.NONE).write("fuzz", html);
        String report = html.toString();
        assertThat(report).as("seed " + seed + " report").startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int from = report.indexOf(open) + open.length();
        com.google.gson.JsonObject data = com.google.gson.JsonParser.parseString(
                report.substring(from, report.indexOf("</script>", from))).getAsJsonObject();
        assertThat(data.get("lines").getAsInt()).as("seed " + seed + " report lines").isEqualTo(result.lines());
        assertThat(data.getAsJsonArray("rows")).as("seed " + seed + " report rows")
                .hasSize(result.finalState().processes().size());
    }

    /** A few traces, cut, spliced and spoilt. */
    private static byte[] mutate(Random r, List<byte[]> traces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 1 + r.nextInt(4);
        for (int k = 0; k < parts; k++) {
            byte[] t = traces.get(r.nextInt(traces.size()));
            int from = r.nextInt(Math.max(1, t.length));
            int to = Math.min(t.length, from + r.nextInt(Math.max(1, t.length)));
            out.write(t, from, to - from);
        }
        byte[] b = out.toByteArray();
        int edits = r.nextInt(30);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> b[at] = '\r';
                case 1 -> b[at] = (byte) (0x80 + r.nextInt(0x40)); // a UTF-8 continuation byte alone
                case 2 -> b[at] = (byte) "()[]{}\"\\<>=,|".charAt(r.nextInt(13));
                case 3 -> b[at] = (byte) r.nextInt(32);
                case 4 -> b[at] = '\n';
                case 5 -> b[at] = (byte) 0xe2; // the start of a 3-byte sequence, cut
                default -> b[at] = (byte) ('0' + r.nextInt(10));
            }
        }
        if (r.nextInt(8) == 0) {
            ByteArrayOutputStream longer = new ByteArrayOutputStream();
            longer.write(b, 0, b.length);
            byte[] line = "x".repeat(LineBlocks.MAX_LINE_BYTES + 10).getBytes(StandardCharsets.US_ASCII);
            longer.write(line, 0, line.length);
            return longer.toByteArray();
        }
        return b;
    }
}
