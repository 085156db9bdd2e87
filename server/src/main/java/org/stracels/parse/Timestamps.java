package org.stracels.parse;

/**
 * Timestamps as strace prints them, as seconds: {@code 10:22:31.123456} (-t, -tt: seconds of the day) and
 * {@code 1700000000.123456} (-ttt: seconds since 1970). The one reading of them, for the lines of a trace and for
 * the times a user gives (a view's time range).
 */
public final class Timestamps {
    private static final double DAY = 24 * 3600;

    private Timestamps() {
    }

    /** Seconds, or NaN when {@code s} is not a timestamp. */
    public static double seconds(CharSequence s) {
        if (s == null || s.length() == 0) {
            return Double.NaN;
        }
        String t = s.toString().trim();
        try {
            if (t.indexOf(':') >= 0) {
                String[] parts = t.split(":");
                if (parts.length != 3) {
                    return Double.NaN;
                }
                int h = Integer.parseInt(parts[0]);
                int m = Integer.parseInt(parts[1]);
                double sec = Double.parseDouble(parts[2]);
                if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec >= 61 || parts[2].startsWith("-")) {
                    return Double.NaN;
                }
                return h * 3600 + m * 60 + sec;
            }
            if (!t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Double.NaN;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether the timestamp is a time of day (-t, -tt) rather than seconds since 1970 (-ttt). */
    public static boolean isClock(CharSequence s) {
        return s.toString().indexOf(':') >= 0;
    }

    /**
     * The absolute times of a trace's lines, read in order, made to run on: a time of day (-t, -tt) that goes back by
     * more than half a day has crossed midnight, and counts from the next day. One per pass over a trace.
     */
    public static final class Running {
        private double previous = Double.NaN;
        private double shift;

        /** {@code seconds}, a time of day when {@code clock}, as seconds that never go back over a midnight. */
        public double next(double seconds, boolean clock) {
            if (clock && !Double.isNaN(previous) && seconds + shift < previous - DAY / 2) {
                shift += DAY;
            }
            previous = seconds + shift;
            return previous;
        }
    }

    /**
     * Seconds from {@code from} to {@code to}; NaN when either is unknown or the time went back, except that a time
     * of day ({@code clock}) that went back crossed midnight.
     */
    public static double elapsed(double from, double to, boolean clock) {
        double d = to - from;
        if (d < 0 && clock) {
            d += DAY;
        }
        return d >= 0 ? d : Double.NaN; // (NaN when either is)
    }

    /** The -t/-tt/-ttt time {@code line} starts with, in seconds; NaN without one. */
    public static double of(ParsedLine line, CharSequence text) {
        Span t = line.absoluteTimeSpan();
        return t.isPresent() ? seconds(t.text(text)) : Double.NaN;
    }
}
