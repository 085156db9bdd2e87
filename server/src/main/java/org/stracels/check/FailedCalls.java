package org.stracels.check;

import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/** What a failed call is about: its path and its class, for the checker and the outline alike. */
public final class FailedCalls {
    private FailedCalls() {
    }

    /**
     * The class of the call on line {@code i}, which must be an ERROR or RESTART line: a restarted call is
     * always noise; a failure is noise when {@link DiagnosticPolicy} says it is routine. Reads the line only
     * when the verdict depends on the path.
     */
    public static FindingClass classify(ParsedTrace parsed, TraceModel model, int i) {
        if (parsed.returnKind(i) == ReturnKind.RESTART) {
            return FindingClass.NOISE;
        }
        String name = parsed.name(i);
        String errno = parsed.errno(i);
        String path = DiagnosticPolicy.needsPath(name, errno) ? firstString(parsed, entryLine(parsed, model, i)) : null;
        return DiagnosticPolicy.failedCall(name, errno, path);
    }

    /** The line where the call of line {@code i} started: its unfinished half when {@code i} is resumed. */
    public static int entryLine(ParsedTrace parsed, TraceModel model, int i) {
        return parsed.kind(i) == LineKind.RESUMED && model.partner(i) >= 0 ? model.partner(i) : i;
    }

    /** Whether {@code name} is an errno name strace prints ({@code ENOENT}, {@code ERESTARTSYS}). */
    public static boolean isErrnoName(String name) {
        return Errnos.message(name) != null;
    }

    /** The first string argument of line {@code i}, escapes resolved: the path of most file calls; or null. */
    public static String firstString(ParsedTrace parsed, int i) {
        return ArgParser.firstString(parsed.text(), parsed.line(i).argsSpan());
    }
}
