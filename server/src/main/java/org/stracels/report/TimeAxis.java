package org.stracels.report;

import org.stracels.analysis.DetectedOptions;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Timestamps;

/**
 * Where each line of a trace sits on the report's x axis: seconds since the first timestamp for traces made with
 * {@code -t}/{@code -tt}/{@code -ttt} (or the running sum of {@code -r}), else the line number (1-based). Lines
 * without a prefix (strace's messages, stack frames, tables) take the place of the line before them.
 */
final class TimeAxis {
    private static final double DAY = 24 * 3600;

    /** True when x is time in seconds; false when x is the line number. */
    final boolean time;
    /** Where the times come from: "-tt", "-r", or "" for line numbers. */
    final String source;
    /** The first line's absolute time as the trace printed it, or "". */
    final String origin;
    private final double[] x;

    private TimeAxis(boolean time, String source, String origin, double[] x) {
        this.time = time;
        this.source = source;
        this.origin = origin;
        this.x = x;
    }

    /** x of line {@code i}; the line number when the trace has no times. */
    double x(int i) {
        return x == null ? i + 1 : x[i];
    }

    /** The axis as a sentence for the report. */
    String describe() {
        return time ? "x axis: seconds since the first line (from the trace's " + source + " timestamps"
                + (origin.isEmpty() ? "" : ", 0 = " + origin) + ")"
                : "x axis: line number (the trace has no timestamps; make it with -tt or -ttt to see time)";
    }

    static TimeAxis of(ParsedTrace parsed, DetectedOptions options) {
        // -r counts from line to line exactly; with -t it is also finer than the whole seconds: it wins when present
        boolean absolute = !options.timestamps().isEmpty() && !options.relative();
        if (options.timestamps().isEmpty() && !options.relative()) {
            return new TimeAxis(false, "", "", null);
        }
        String text = parsed.text();
        int n = parsed.lineCount();
        double[] x = new double[n];
        double first = Double.NaN;
        double previous = Double.NaN;
        double dayShift = 0;
        double sum = 0;
        double last = 0;
        String origin = "";
        PrefixTime reader = new PrefixTime(text, options);
        for (int i = 0; i < n; i++) {
            LineKind kind = parsed.kind(i);
            double t = Double.NaN;
            if (kind.hasPrefix()) {
                reader.read(parsed.lineStart(i), parsed.lineEnd(i));
                if (absolute && !Double.isNaN(reader.absolute)) {
                    t = reader.absolute;
                    if (!Double.isNaN(previous) && reader.clock && t + dayShift < previous - DAY / 2) {
                        dayShift += DAY; // a clock time that went back by hours crossed midnight
                    }
                    t += dayShift;
                    previous = t;
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
            x[i] = Double.isNaN(t) ? last : t;
        }
        return new TimeAxis(true, absolute ? options.timestamps() : "-r", origin, x);
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
