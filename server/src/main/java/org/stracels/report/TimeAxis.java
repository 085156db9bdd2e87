package org.stracels.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.stracels.analysis.DetectedOptions;
import org.stracels.analysis.ModelState;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Timestamps;
import org.stracels.stream.TraceWindow;

/**
 * Where each line of a trace sits on the report's x axis: seconds since the first timestamp for traces made with
 * {@code -t}/{@code -tt}/{@code -ttt} (or the running sum of {@code -r}), else the line number (1-based). Lines
 * without a prefix (strace's messages, stack frames, tables) take the place of the line before them.
 *
 * <p>Read window by window ({@link #advance}): the running state (the first time, midnight crossings, the sum of
 * {@code -r}, the latest time) goes from one window's own lines to the next, so every line gets the x it would get
 * in the whole text. A window also sees the x of its context lines that the report asks about (the entry half of a
 * call resumed in it, an execve's entry): those of the window before, and of the calls still waiting to resume.
 * Whether x is time is decided by the first window's options, as {@link DetectedOptions#merge} keeps them.
 */
final class TimeAxis {

    /** True when x is time in seconds; false when x is the line number. */
    final boolean time;
    /** Where the times come from: "-tt", "-r", or "" for line numbers. */
    final String source;
    /** The first line's absolute time as the trace printed it, or "". */
    private String origin = "";
    private final boolean absolute;
    private final DetectedOptions options;

    // the running state, after the own lines read so far
    private double first = Double.NaN;
    private final Timestamps.Running clock = new Timestamps.Running();
    private double sum;
    private double last;
    private double lastX;
    private int lines;

    // x of the lines a later window may ask about: the last window's own lines, the calls still pending
    private double[] current = new double[0];
    private int currentStart;
    private double[] before = new double[0];
    private int beforeStart;
    private Map<Integer, Double> pending = Map.of();

    private TimeAxis(DetectedOptions options) {
        this.options = options;
        // -r counts from line to line exactly; with -t it is also finer than the whole seconds: it wins when present
        this.absolute = !options.timestamps().isEmpty() && !options.relative();
        this.time = !options.timestamps().isEmpty() || options.relative();
        this.source = !time ? "" : absolute ? options.timestamps() : "-r";
    }

    /** The axis of a trace made with {@code options} (those of its first window). */
    static TimeAxis of(DetectedOptions options) {
        return new TimeAxis(options);
    }

    /** The first line's absolute time as the trace printed it, or "" (known once its line was read). */
    String origin() {
        return origin;
    }

    /** x of the last line read: where the trace ends. */
    double end() {
        return lines == 0 ? 0 : lastX;
    }

    /**
     * Gives the own lines of {@code window} (the next one of the trace) their x and answers the x of each local line
     * of the window that is its own or came before it (NaN for the look ahead, and for context lines from further
     * back than the window before, which nothing asks about).
     */
    double[] advance(TraceWindow window) {
        ParsedTrace parsed = window.trace().parsed();
        int n = parsed.lineCount();
        double[] x = new double[n];
        Arrays.fill(x, Double.NaN);
        before = current;
        beforeStart = currentStart;
        current = new double[window.to() - window.from()];
        currentStart = window.from() < window.to() ? window.global(window.from()) : currentStart + before.length;
        for (int l = 0; l < window.from(); l++) {
            x[l] = known(window.global(l));
        }
        PrefixTime reader = time ? new PrefixTime(parsed.text(), options) : null;
        for (int l = window.from(); l < window.to(); l++) {
            double v = time ? next(parsed, l, reader) : window.global(l) + 1;
            x[l] = v;
            current[l - window.from()] = v;
            lastX = v;
            lines++;
        }
        ModelState state = window.trace().model().snapshot();
        Map<Integer, Double> waiting = new HashMap<>();
        if (state != null) {
            for (int g : state.pendingLines()) {
                int local = window.map().toLocal(g);
                waiting.put(g, local >= 0 && local < n ? x[local] : known(g));
            }
        }
        pending = waiting;
        return x;
    }

    /** x of a line read before, if this axis still knows it; else NaN. */
    private double known(int global) {
        if (global >= currentStart && global - currentStart < current.length) {
            return current[global - currentStart];
        }
        if (global >= beforeStart && global - beforeStart < before.length) {
            return before[global - beforeStart];
        }
        Double v = pending.get(global);
        return v == null ? Double.NaN : v;
    }

    private double next(ParsedTrace parsed, int i, PrefixTime reader) {
        LineKind kind = parsed.kind(i);
        double t = Double.NaN;
        if (kind.hasPrefix()) {
            reader.read(parsed.lineStart(i), parsed.lineEnd(i));
            if (absolute && !Double.isNaN(reader.absolute)) {
                t = clock.next(reader.absolute, reader.clock);
                if (Double.isNaN(first)) {
                    first = t;
                    origin = reader.absoluteText;
                }
                t -= first;
            } else if (!absolute && !Double.isNaN(reader.relative)) {
                sum += reader.relative;
                t = sum;
            }
            if (origin.isEmpty() && !reader.absoluteText.isEmpty()) {
                origin = reader.absoluteText;
            }
        }
        if (!Double.isNaN(t)) {
            last = Math.max(last, t);
        }
        return Double.isNaN(t) ? last : t;
    }

    /** The axis as a sentence for the report. */
    String describe() {
        return time ? "x axis: seconds since the first line (from the trace's " + source + " timestamps"
                + (origin.isEmpty() ? "" : ", 0 = " + origin) + ")"
                : "x axis: line number (the trace has no timestamps; make it with -tt or -ttt to see time)";
    }

    /** Reads the times of a line's prefix without parsing the rest of the line. */
    private static final class PrefixTime {
        private final String s;
        private final DetectedOptions options;
        double absolute;
        String absoluteText;
        boolean clock;
        double relative;

        PrefixTime(String s, DetectedOptions options) {
            this.s = s;
            this.options = options;
        }

        void read(int start, int end) {
            absolute = Double.NaN;
            relative = Double.NaN;
            absoluteText = "";
            int p = skipPid(start, end);
            p = skipSpaces(p, end);
            if (!options.timestamps().isEmpty()) {
                int e = token(p, end);
                absoluteText = s.substring(p, e);
                absolute = parseAbsolute(absoluteText);
                p = skipSpaces(e, end);
                if (p < end && s.charAt(p) == '(') { // -t -r: "(+ 0.000123)"
                    p = skipSpaces(p + 2, end);
                    int close = s.indexOf(')', p);
                    relative = close > p && close < end ? parse(s.substring(p, close).trim()) : Double.NaN;
                }
            } else if (options.relative()) {
                relative = parse(s.substring(p, token(p, end)));
            }
        }

        private int skipPid(int p, int end) {
            if (s.startsWith("[pid ", p)) {
                int close = s.indexOf(']', p);
                return close > 0 && close < end ? close + 1 : p;
            }
            if (options.pidForm() != DetectedOptions.PidForm.PLAIN) {
                return p;
            }
            int i = p;
            while (i < end && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i > p && i < end && s.charAt(i) == '<') { // -Y: "123<comm>"
                int close = s.indexOf('>', i);
                i = close > 0 && close < end ? close + 1 : i;
            }
            return i > p && i < end && s.charAt(i) == ' ' ? i : p;
        }

        private int skipSpaces(int p, int end) {
            while (p < end && s.charAt(p) == ' ') {
                p++;
            }
            return p;
        }

        private int token(int p, int end) {
            int i = p;
            while (i < end && s.charAt(i) != ' ') {
                i++;
            }
            return i;
        }

        private double parseAbsolute(String t) {
            clock = Timestamps.isClock(t);
            return clock ? Timestamps.seconds(t) : parse(t);
        }

        private static double parse(String t) {
            if (t.isEmpty() || !Character.isDigit(t.charAt(0))) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
