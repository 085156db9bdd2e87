package org.stracels.structure;

import java.util.Locale;

/** Durations for people: "420 µs", "12.3 ms", "1.25 s", "3 min 5 s". */
final class Durations {
    private Durations() {
    }

    static String format(long nanos) {
        if (nanos < 1_000L) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000L) {
            return trim(nanos / 1e3) + " µs";
        }
        if (nanos < 1_000_000_000L) {
            return trim(nanos / 1e6) + " ms";
        }
        if (nanos < 60_000_000_000L) {
            return trim(nanos / 1e9) + " s";
        }
        long seconds = nanos / 1_000_000_000L;
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** Three significant digits, without trailing zeros. */
    private static String trim(double value) {
        String s = value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
