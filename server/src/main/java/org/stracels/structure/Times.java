package org.stracels.structure;

import org.stracels.parse.ParsedLine;
import org.stracels.parse.Timestamps;

/** The -t/-tt/-ttt time at the start of a line, in seconds. */
final class Times {
    private Times() {
    }

    /** Seconds since midnight (-t, -tt) or since the epoch (-ttt) of the line's absolute time; NaN without one. */
    static double seconds(String text, ParsedLine line) {
        return Timestamps.of(line, text);
    }

    /** {@code nanos} for people; "< 1 s" for 0 when the times have whole seconds only (-t), as no finer span is known. */
    static String format(long nanos, String text, ParsedLine timed) {
        boolean wholeSeconds = timed.absoluteTimeSpan().text(text).indexOf('.') < 0;
        return wholeSeconds && nanos == 0 ? "< 1 s" : Durations.format(nanos);
    }

    /** From {@code from} to {@code to} in nanoseconds; a clock time that went back crossed midnight. */
    static long between(double from, double to, boolean clock) {
        double d = Timestamps.elapsed(from, to, clock);
        return Double.isNaN(d) ? -1 : Math.round(d * 1e9);
    }
}
