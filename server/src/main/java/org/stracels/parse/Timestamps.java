package org.stracels.parse;

/**
 * Timestamps as strace prints them, as seconds: {@code 10:22:31.123456} (-t, -tt: seconds of the day) and
 * {@code 1700000000.123456} (-ttt: seconds since 1970). The one reading of them, for the lines of a trace and for
 * the times a user gives (a view's time range).
 */
public final class Timestamps {
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

    /** The -t/-tt/-ttt time {@code line} starts with, in seconds; NaN without one. */
    public static double of(ParsedLine line, CharSequence text) {
        Span t = line.absoluteTimeSpan();
        return t.isPresent() ? seconds(t.text(text)) : Double.NaN;
    }
}
