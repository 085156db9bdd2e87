package org.stracels.cause;

import org.stracels.analysis.Trace;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;

/**
 * What the policy of routine failures needs of a failed call, read without parsing its line: the name and
 * errno from the index, the path from the first quoted string of the entry line. Most failures before a
 * message are routine; only the others are read in full ({@link FailedCall}).
 */
record Peek(String name, String errno, String path) {

    static Peek of(Trace trace, int line) {
        ParsedTrace parsed = trace.parsed();
        int partner = trace.model().partner(line);
        int entry = parsed.kind(line) == LineKind.RESUMED && partner >= 0 ? partner : line;
        String text = parsed.text();
        int end = parsed.lineEnd(entry);
        String path = null;
        for (int p = parsed.lineStart(entry); p < end; p++) {
            if (text.charAt(p) != '"') {
                continue;
            }
            int q = p + 1;
            boolean escaped = false;
            while (q < end && text.charAt(q) != '"') {
                escaped |= text.charAt(q) == '\\';
                q += text.charAt(q) == '\\' ? 2 : 1;
            }
            if (q < end) {
                path = escaped ? ArgParser.firstString(text, new Span(p, q + 1)) : text.substring(p + 1, q);
            }
            break;
        }
        String name = parsed.name(line) != null ? parsed.name(line) : parsed.name(entry);
        String errno = parsed.errno(line);
        if (errno == null) {
            HiddenErrors.Hidden hidden = HiddenErrors.of(trace, line);
            errno = hidden != null ? hidden.code() : null;
        }
        return new Peek(name == null ? "call" : name, errno == null ? "error" : errno, path);
    }

    /** {@code access("/etc/ld.so.preload", …) = -1 ENOENT}: enough to name noise in a list. */
    String call() {
        return name + "(" + (path != null ? "\"" + FailedCall.abbreviate(path, 80) + "\", …" : "…") + ") = -1 " + errno;
    }

    String routine(RoutineFailures routine) {
        return routine.reason(name, errno, path);
    }
}
