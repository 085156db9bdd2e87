package org.stracels.analysis;

import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;

/**
 * Tells which strace options made a trace, only from where strace puts them: prefixes, arguments and
 * results, never inside a quoted string. Prefix options show on every line, so a sample of the first lines
 * is enough; per-call decorations (-y, -X) are looked for in a larger sample of syscall lines.
 */
final class OptionsDetector {
    private static final int PREFIX_SAMPLE = 200;
    private static final int ARGS_SAMPLE = 5_000;

    private OptionsDetector() {
    }

    static DetectedOptions detect(ParsedTrace trace) {
        String text = trace.text();
        int n = trace.lineCount();
        DetectedOptions.PidForm pidForm = DetectedOptions.PidForm.NONE;
        String timestamps = "";
        boolean relative = false;
        boolean durations = false;
        boolean numbers = false;
        boolean ip = false;
        boolean comm = false;
        boolean stack = false;
        boolean dumps = false;
        boolean capture = false;
        int summaryLines = 0;
        int syscallLines = 0;
        int prefixSampled = 0;
        int argsSampled = 0;
        String decode = "";
        String xForm = "abbrev";

        for (int i = 0; i < n; i++) {
            LineKind kind = trace.kind(i);
            switch (kind) {
                case STACK_FRAME -> stack = true;
                case HEX_DUMP -> dumps = true;
                case SUMMARY -> summaryLines++;
                case STRACE_MESSAGE, FOREIGN, PARTIAL -> capture = true;
                default -> {
                }
            }
            if (kind.isSyscall()) {
                syscallLines++;
            }
            if (trace.durationNanos(i) >= 0) {
                durations = true;
            }
            if (trace.pid(i) >= 0 && pidForm == DetectedOptions.PidForm.NONE) {
                pidForm = text.charAt(trace.lineStart(i)) == '[' ? DetectedOptions.PidForm.BRACKET : DetectedOptions.PidForm.PLAIN;
            }
            boolean samplePrefix = kind.hasPrefix() && prefixSampled < PREFIX_SAMPLE;
            boolean sampleArgs = kind.isSyscall() && argsSampled < ARGS_SAMPLE
                    && (decode.length() < 3 || xForm.equals("abbrev"));
            if (!samplePrefix && !sampleArgs) {
                continue;
            }
            ParsedLine line = trace.line(i);
            if (samplePrefix) {
                prefixSampled++;
                if (line.absoluteTimeSpan().isPresent() && timestamps.isEmpty()) {
                    timestamps = timestampOption(line.absoluteTimeSpan().text(text));
                }
                relative |= line.relativeTimeSpan().isPresent();
                numbers |= line.syscallNumberSpan().isPresent();
                ip |= line.instructionPointerSpan().isPresent();
                comm |= line.commSpan().isPresent();
            }
            if (sampleArgs) {
                argsSampled++;
                decode = stronger(decode, fdDecoding(text, line));
                xForm = xForm.equals("abbrev") ? xForm(text, line) : xForm;
            }
        }
        capture |= pidForm == DetectedOptions.PidForm.BRACKET;
        String summary = summaryLines == 0 ? "" : syscallLines == 0 ? "-c" : "-C";
        return new DetectedOptions(pidForm, timestamps, relative, durations, decode, stack, numbers, ip, comm, xForm,
                summary, dumps, capture);
    }

    /** "-t", "-tt", "-ttt", or the --absolute-timestamps form for other precisions. */
    static String timestampOption(String time) {
        boolean clock = time.indexOf(':') >= 0;
        int dot = time.indexOf('.');
        int digits = dot < 0 ? 0 : time.length() - dot - 1;
        if (clock) {
            return switch (digits) {
                case 0 -> "-t";
                case 6 -> "-tt";
                default -> "--absolute-timestamps=format:time,precision:" + precision(digits);
            };
        }
        return digits == 6 ? "-ttt" : "--absolute-timestamps=format:unix,precision:" + precision(digits);
    }

    private static String precision(int digits) {
        return switch (digits) {
            case 0 -> "s";
            case 3 -> "ms";
            case 6 -> "us";
            case 9 -> "ns";
            default -> digits + " digits";
        };
    }

    private static String stronger(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    /** "-yy" when a decoration shows socket endpoints, devices or pidfd pids; "-y" for paths only. */
    private static String fdDecoding(String text, ParsedLine line) {
        String found = "";
        for (Span span : new Span[] {line.argsSpan(), line.returnDecorationSpan()}) {
            if (!span.isPresent()) {
                continue;
            }
            for (int i = span.start() + 1; i < span.end(); i++) {
                if (text.charAt(i) == '"') {
                    i = stringEnd(text, i, span.end()); // what a program wrote is not a decoration
                    continue;
                }
                if (text.charAt(i) != '<' || !Character.isLetterOrDigit(text.charAt(i - 1))) {
                    continue;
                }
                if (i + 1 < span.end() && (text.charAt(i + 1) == '/' || text.startsWith("socket:[", i + 1)
                        || text.startsWith("pipe:[", i + 1) || text.startsWith("anon_inode:", i + 1))) {
                    found = stronger(found, "-y");
                }
                if (text.startsWith("<char ", i) || text.startsWith("<block ", i) || text.startsWith("pid:", i + 1)
                        || text.startsWith("UNIX", i + 1) || text.startsWith("TCP", i + 1) || text.startsWith("UDP", i + 1)
                        || text.startsWith("NETLINK:", i + 1)) {
                    return "-yy";
                }
            }
        }
        return found;
    }

    /** The offset of the closing quote of the string opening at {@code quote} (or {@code end}). */
    private static int stringEnd(String text, int quote, int end) {
        for (int i = quote + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return end;
    }

    /** "verbose" when constants come as {@code 0x3 /* PROT_READ|PROT_WRITE *}{@code /}; "raw" when they are bare numbers. */
    private static String xForm(String text, ParsedLine line) {
        Span args = line.argsSpan();
        if (!args.isPresent() || line.name() == null) {
            return "abbrev";
        }
        String a = args.text(text);
        int comment = a.indexOf(" /* ");
        if (comment > 0 && comment + 4 < a.length() && Character.isUpperCase(a.charAt(comment + 4))
                && (a.startsWith("0x", Math.max(0, a.lastIndexOf(' ', comment - 1) + 1))
                        || Character.isDigit(a.charAt(comment - 1)))) {
            int close = a.indexOf(" */", comment);
            String inside = close > 0 ? a.substring(comment + 4, close) : "";
            if (inside.matches("[A-Z][A-Z0-9_|]*")) {
                return "verbose";
            }
        }
        if ((line.name().equals("openat") && a.startsWith("-100,"))
                || (line.name().equals("access") && a.matches("0x[0-9a-f]+, 0x[0-9a-f]+"))) {
            // not brk(0): strace 4.x printed it so without -X raw
            return "raw";
        }
        return "abbrev";
    }
}
