package org.stracels.cause;

import org.stracels.analysis.FdCalls;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * The call that made the fd a failed call used, found by walking back through the group's lines: enough to say
 * "read on fd 3, which openat made from /etc/x.conf". A short walk, not the fd model, which diagnostics never
 * build.
 */
final class FdOpener {
    /** The call that returned the fd: its entry line, its name, and its first path (null for sockets and pipes). */
    record Opener(int line, String name, String path) { }

    private static final int MAX_LINES = 2000;

    private FdOpener() {
    }

    /** The call of group {@code group} that last returned {@code fd} before line {@code before}, or null. */
    static Opener find(TraceScan scan, int group, int fd, int before) {
        Trace trace = scan.trace();
        ParsedTrace parsed = trace.parsed();
        String wanted = Integer.toString(fd);
        for (int l = before - 1; l >= 0 && l >= before - MAX_LINES; l--) {
            LineKind kind = parsed.kind(l);
            String name = parsed.name(l);
            if (name == null || parsed.returnKind(l) != ReturnKind.VALUE || !FdCalls.mayReturnFd(name)
                    || (kind != LineKind.SYSCALL && kind != LineKind.RESUMED) || scan.groupOfLine(l) != group) {
                continue;
            }
            ParsedLine result = parsed.line(l);
            if (!wanted.equals(result.returnValueSpan().text(parsed.text()))) {
                continue;
            }
            int entry = kind == LineKind.RESUMED && trace.model().partner(l) >= 0 ? trace.model().partner(l) : l;
            String path = ArgParser.firstString(parsed.text(), parsed.line(entry).argsSpan());
            return new Opener(entry, name, path);
        }
        return null;
    }
}
