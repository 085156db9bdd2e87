package org.stracels.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.stream.TraceWindow;

/**
 * Where the time went: per syscall its calls, failures and {@code -T} time (or counts only, without {@code -T}),
 * the slowest calls, a histogram of durations, and strace's own {@code -c} table when the trace holds one. Counted
 * window by window over each window's own lines, names as text; only the slowest calls are read again, by the
 * window that owns them.
 */
final class TimeSpent {
    static final int SLOWEST = 20;
    static final int MAX_ROWS = 60;
    /** Longest call text shown for a slow call. */
    static final int MAX_CALL_TEXT = 240;
    /** Lines of strace's -c tables kept (a table is a few dozen lines). */
    static final int MAX_TABLE_LINES = 4096;

    /** Calls, failures and -T time of one syscall name. */
    private static final class Counts {
        int calls;
        int errors;
        long nanos;
    }

    /** One of the slowest calls: its duration, its line in the file, its text. */
    private record Slow(long nanos, int line, String text) { }

    private final Map<String, Counts> byName = new HashMap<>();
    private final long[] histogram = new long[12]; // <1 µs, 1-10 µs, … by powers of ten from 1 µs
    private boolean timed;
    private long total;
    private final PriorityQueue<Slow> slowest = new PriorityQueue<>(Comparator.comparingLong(Slow::nanos));
    private final StringBuilder table = new StringBuilder();
    private int tableLines;

    void add(TraceWindow window) {
        Trace trace = window.trace();
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        int names = parsed.names().size();
        int[] calls = new int[names];
        int[] errors = new int[names];
        long[] nanos = new long[names];
        for (int line : model.unmatchedUnfinished()) {
            // a lone unfinished half is a call of its own, counted by the window that knows it never resumes
            if (window.owns(model.unmatchedSince(line)) && parsed.nameId(line) >= 0) {
                calls[parsed.nameId(line)]++;
            }
        }
        for (int i = window.from(); i < window.to(); i++) {
            LineKind kind = parsed.kind(i);
            if (kind == LineKind.SUMMARY) {
                if (tableLines++ < MAX_TABLE_LINES) {
                    table.append(parsed.text(), parsed.lineStart(i), parsed.lineEnd(i)).append('\n');
                }
                continue;
            }
            int name = parsed.nameId(i);
            if (name < 0 || !kind.isSyscall()) {
                continue;
            }
            if (isCall(kind)) {
                calls[name]++;
            }
            if (parsed.returnKind(i) == ReturnKind.ERROR) {
                errors[name]++;
            }
            long d = parsed.durationNanos(i);
            if (d >= 0) {
                timed = true;
                total += d;
                nanos[name] += d;
                int bucket = d < 1000 ? 0 : Math.min(histogram.length - 1, 1 + (int) Math.floor(Math.log10(d / 1000.0)));
                histogram[bucket]++;
                if (slowest.size() < SLOWEST || slowest.peek().nanos() < d) {
                    slowest.add(new Slow(d, window.global(i), callText(trace, i)));
                    if (slowest.size() > SLOWEST) {
                        slowest.poll();
                    }
                }
            }
        }
        for (int id = 0; id < names; id++) {
            if (calls[id] > 0 || errors[id] > 0 || nanos[id] > 0) {
                Counts c = byName.computeIfAbsent(parsed.names().get(id), k -> new Counts());
                c.calls += calls[id];
                c.errors += errors[id];
                c.nanos += nanos[id];
            }
        }
    }

    void write(Writer out) throws IOException {
        out.write("<section id=\"time\"><h2>Where the time went</h2>\n");
        out.write(timed ? "<p>Time in calls from -T: " + Html.escape(Html.seconds(total / 1e9)) + " in all.</p>\n"
                : "<p>The trace has no -T durations: calls are counted, not timed (make it with -T to see time).</p>\n");
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, Counts> e : byName.entrySet()) {
            if (e.getValue().calls > 0 || e.getValue().errors > 0) {
                order.add(e.getKey());
            }
        }
        final boolean byTime = timed;
        order.sort(Comparator.comparingLong((String n) -> byTime ? -byName.get(n).nanos : -byName.get(n).calls)
                .thenComparing(n -> n));
        long max = order.isEmpty() ? 1 : Math.max(1, byTime ? byName.get(order.get(0)).nanos : byName.get(order.get(0)).calls);
        out.write("<table class=\"syscalls\"><thead><tr><th>syscall</th><th>calls</th><th>failed</th>"
                + (timed ? "<th>time</th><th>mean</th>" : "") + "<th></th></tr></thead><tbody>\n");
        for (int k = 0; k < Math.min(MAX_ROWS, order.size()); k++) {
            String name = order.get(k);
            Counts c = byName.get(name);
            long v = byTime ? c.nanos : c.calls;
            out.write("<tr><td><code>" + Html.escape(name) + "</code></td><td>" + c.calls + "</td><td>"
                    + c.errors + "</td>");
            if (timed) {
                out.write("<td>" + Html.escape(Html.seconds(c.nanos / 1e9)) + "</td><td>"
                        + Html.escape(c.calls == 0 ? "" : Html.seconds(c.nanos / 1e9 / c.calls)) + "</td>");
            }
            out.write("<td><meter min=\"0\" max=\"" + max + "\" value=\"" + v + "\"></meter></td></tr>\n");
        }
        out.write("</tbody></table>\n");
        if (order.size() > MAX_ROWS) {
            out.write("<p class=\"note\">" + (order.size() - MAX_ROWS) + " more syscalls (strace-ls stats lists them all)</p>\n");
        }
        if (timed) {
            List<Slow> list = new ArrayList<>(slowest);
            list.sort(Comparator.comparingLong(s -> -s.nanos()));
            out.write("<h3>Slowest calls</h3>\n<table class=\"slowest\"><thead><tr><th>time</th><th>line</th><th>call</th></tr></thead><tbody>\n");
            for (Slow s : list) {
                out.write("<tr><td>" + Html.escape(Html.seconds(s.nanos() / 1e9)) + "</td><td>" + Html.line(s.line() + 1)
                        + "</td><td><code>" + Html.escape(s.text()) + "</code></td></tr>\n");
            }
            out.write("</tbody></table>\n<h3>Durations</h3>\n<table class=\"histogram\"><tbody>\n");
            long top = 1;
            for (long h : histogram) {
                top = Math.max(top, h);
            }
            String[] labels = {"< 1 µs", "1–10 µs", "10–100 µs", "0.1–1 ms", "1–10 ms", "10–100 ms", "0.1–1 s",
                "1–10 s", "10–100 s", "100–1000 s", "1000–10⁴ s", "≥ 10⁴ s"};
            for (int b = 0; b < histogram.length; b++) {
                out.write("<tr><td>" + labels[b] + "</td><td><meter min=\"0\" max=\"" + top + "\" value=\"" + histogram[b]
                        + "\"></meter></td><td>" + histogram[b] + "</td></tr>\n");
            }
            out.write("</tbody></table>\n");
        }
        if (table.length() > 0) {
            out.write("<h3>strace's own summary (-c)</h3>\n<pre class=\"summary\">" + Html.escape(table.toString()) + "</pre>\n");
        }
        out.write("</section>\n");
    }

    /**
     * One line per call: halves of a pair are counted at the resumed half; a lone unfinished half is counted where
     * it is known never to resume.
     */
    private static boolean isCall(LineKind kind) {
        return switch (kind) {
            case SYSCALL, RESUMED, DETACHED, PID_CHANGED -> true;
            default -> false;
        };
    }

    /** The call as the trace shows it, from its name (after the prefix) on, both halves of a cut call, cut when long. */
    private static String callText(Trace trace, int line) {
        ParsedTrace parsed = trace.parsed();
        int entry = trace.model().entryOf(line);
        StringBuilder b = new StringBuilder();
        if (entry < line) {
            b.append(event(parsed, entry)).append(" … ");
        }
        b.append(event(parsed, line));
        return b.length() > MAX_CALL_TEXT ? b.substring(0, MAX_CALL_TEXT) + "…" : b.toString();
    }

    private static String event(ParsedTrace parsed, int line) {
        ParsedLine l = parsed.line(line);
        int start = l.eventStart() >= 0 ? l.eventStart() : l.lineStart();
        return parsed.text().substring(start, Math.min(l.lineEnd(), start + MAX_CALL_TEXT + 1));
    }
}
