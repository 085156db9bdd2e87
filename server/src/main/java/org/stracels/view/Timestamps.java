package org.stracels.view;

/**
 * Timestamps as strace prints them, as seconds: {@code 10:22:31.123456} (-t, -tt: seconds of the day) and
 * {@code 1700000000.123456} (-ttt: seconds since 1970). A time range of a view must be in the trace's own form.
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
    public static boolean isClock(String s) {
        return s.indexOf(':') >= 0;
    }

    /** What is wrong with a time range, or null. */
    static String checkRange(String from, String to) {
        if (from != null && Double.isNaN(seconds(from))) {
            return "'" + from + "' is not a timestamp (HH:MM:SS[.frac] or seconds since 1970)";
        }
        if (to != null && Double.isNaN(seconds(to))) {
            return "'" + to + "' is not a timestamp (HH:MM:SS[.frac] or seconds since 1970)";
        }
        if (from != null && to != null) {
            if (isClock(from) != isClock(to)) {
                return "the two times of the range are in different forms";
            }
            if (seconds(from) > seconds(to)) {
                return "the time range is reversed";
            }
        }
        return null;
    }
}
