package org.stracels.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stracels.analysis.Trace;
import org.stracels.report.ChromeTrace;
import org.stracels.report.HtmlReport;

/**
 * How long the report and the chrome-trace export of a 1,000,000-line trace take to build. The trace repeats
 * testdata/busy.strace ({@code -f -tt -T -yy}), each repetition shifted in time after the one before, so that the
 * time axis runs forward as in a real long trace. Prints the best of a few warm runs; opening the report in
 * Chromium is timed by {@code report/test/open-bench.js} on the file this writes.
 *
 * <pre>
 * java -Xmx4g -cp server/target/strace-ls.jar:server/target/test-classes org.stracels.bench.ReportBench \
 *      [testdata/busy.strace] [1000000] [/tmp/bench-report-1M.strace]
 * </pre>
 */
public final class ReportBench {
    private static final Pattern PREFIX = Pattern.compile("^(\\d+ +)(\\d\\d):(\\d\\d):(\\d\\d\\.\\d{6})");
    private static final int RUNS = 3;

    private ReportBench() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "testdata/busy.strace");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/bench-report-1M.strace");
        String text = shiftedRepeat(Files.readString(source, StandardCharsets.UTF_8), lines);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.printf("input: %s repeated to %,d lines (%,d chars), each repetition later in time: %s%n", source,
                lines, text.length(), out);
        Path html = Path.of(out + ".html");
        Path json = Path.of(out + ".json");
        long bestParse = Long.MAX_VALUE;
        long bestReport = Long.MAX_VALUE;
        long bestExport = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            Trace trace = Trace.of(text);
            long t1 = System.nanoTime();
            HtmlReport.write(trace, out.getFileName().toString(), html);
            long t2 = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(out); Writer w = Files.newBufferedWriter(json)) {
                ChromeTrace.export(in, w, false, 1);
            }
            long t3 = System.nanoTime();
            bestParse = Math.min(bestParse, t1 - t0);
            bestReport = Math.min(bestReport, t2 - t1);
            bestExport = Math.min(bestExport, t3 - t2);
            System.out.printf(Locale.ROOT, "run %d: parse+model %.2f s, report %.2f s (%,d bytes), export %.2f s (%,d bytes)%n",
                    run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, Files.size(html), (t3 - t2) / 1e9, Files.size(json));
        }
        System.out.printf(Locale.ROOT, "best: parse+model %.2f s + report %.2f s = %.2f s to build the report; export %.2f s "
                + "(streamed from the file)%n", bestParse / 1e9, bestReport / 1e9, (bestParse + bestReport) / 1e9,
                bestExport / 1e9);
        System.out.println("report: " + html + " (open it with: cd report && node test/open-bench.js " + html + ")");
    }

    /** The trace repeated to {@code lines} lines; each repetition's -tt times start after the last one's. */
    static String shiftedRepeat(String unit, int lines) {
        String[] unitLines = unit.split("\n", -1);
        int unitCount = unit.endsWith("\n") ? unitLines.length - 1 : unitLines.length;
        double first = seconds(unitLines[0]);
        double last = first;
        for (int i = 0; i < unitCount; i++) {
            double t = seconds(unitLines[i]);
            if (!Double.isNaN(t)) {
                last = Math.max(last, t);
            }
        }
        double period = last - first + 0.001;
        StringBuilder b = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, (long) unit.length() * lines / unitCount + 1024));
        for (int i = 0; i < lines; i++) {
            String line = unitLines[i % unitCount];
            double shift = (i / unitCount) * period;
            Matcher m = PREFIX.matcher(line);
            if (m.find() && shift > 0) {
                double t = (Integer.parseInt(m.group(2)) * 3600 + Integer.parseInt(m.group(3)) * 60
                        + Double.parseDouble(m.group(4)) + shift) % (24 * 3600);
                int h = (int) (t / 3600);
                int min = (int) (t % 3600 / 60);
                double s = t % 60;
                b.append(m.group(1)).append(String.format(Locale.ROOT, "%02d:%02d:%09.6f", h, min, s))
                        .append(line, m.end(), line.length());
            } else {
                b.append(line);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static double seconds(String line) {
        Matcher m = PREFIX.matcher(line);
        return m.find() ? Integer.parseInt(m.group(2)) * 3600 + Integer.parseInt(m.group(3)) * 60
                + Double.parseDouble(m.group(4)) : Double.NaN;
    }
}
