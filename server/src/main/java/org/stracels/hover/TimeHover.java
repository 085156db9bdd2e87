package org.stracels.hover;

import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;
import org.stracels.parse.Timestamps;

/** Timestamps (-t, -tt, -ttt, -r) and durations (-T). */
final class TimeHover {
    private TimeHover() {
    }

    static Hover hover(HoverContext ctx) {
        ParsedLine line = ctx.line();
        String text = ctx.text();
        int offset = ctx.offset();
        Md md = new Md();
        Span span;
        if (HoverProvider.in(line.durationSpan(), offset)) {
            span = line.durationSpan();
            md.heading("Took " + duration(line.durationNanos()));
            md.para("Time between the call's entry and its exit (-T), including time spent blocked.");
        } else if (HoverProvider.in(line.relativeTimeSpan(), offset)) {
            span = line.relativeTimeSpan();
            md.heading("+" + span.text(text).replaceAll("[()+ ]", "") + " s");
            md.para("Time since the previous line of the trace, of any process (-r).");
        } else {
            span = line.absoluteTimeSpan();
            String t = span.text(text);
            md.heading(absolute(t));
            md.para(t.indexOf(':') >= 0 ? "Wall-clock time when the line started, in the tracer's local time zone (-t/-tt)."
                    : "Seconds since 1970-01-01 UTC when the line started (-ttt).");
            String gap = gapSincePrevious(ctx, t);
            md.para(gap);
        }
        return new Hover(span.start(), span.end(), md.toString());
    }

    private static String absolute(String t) {
        if (t.indexOf(':') >= 0) {
            return t;
        }
        try {
            int dot = t.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
            String frac = dot < 0 ? "" : t.substring(dot);
            return java.time.Instant.ofEpochSecond(seconds).toString().replace("Z", frac + " UTC");
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return t;
        }
    }

    /** The gap since the same process's previous line. */
    private static String gapSincePrevious(HoverContext ctx, String time) {
        ParsedTrace parsed = ctx.trace().parsed();
        int process = ctx.trace().model().processOf(ctx.lineIndex());
        for (int i = ctx.lineIndex() - 1; i >= 0 && i > ctx.lineIndex() - 100_000; i--) {
            if (ctx.trace().model().processOf(i) != process || process < 0) {
                continue;
            }
            ParsedLine previous = parsed.line(i);
            if (!previous.absoluteTimeSpan().isPresent()) {
                return null;
            }
            double gap = seconds(time) - seconds(previous.absoluteTimeSpan().text(ctx.text()));
            if (gap < 0) {
                gap += 86_400; // -t/-tt wrap at midnight
            }
            return "*Since this process's previous line* (" + HoverContext.lineRef(i) + "): "
                    + duration((long) Math.round(gap * 1e9)) + ".";
        }
        return null;
    }

    static double seconds(String t) {
        double s = Timestamps.seconds(t);
        return Double.isNaN(s) ? 0 : s;
    }

    /** A duration in the most readable unit: "12 µs", "1.204 ms", "2.5 s". */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return trim(nanos / 1e3) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return trim(nanos / 1e6) + " ms";
        }
        return trim(nanos / 1e9) + " s";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
