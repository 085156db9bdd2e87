package org.stracels.check;

import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/** What a failed call is about: its path and its class, for the checker and the outline alike. */
public final class FailedCalls {
    private FailedCalls() {
    }

    /** The class of a failed call and, when it is routine, why ({@link DiagnosticPolicy#routineReason}), or null. */
    public record Verdict(FindingClass findingClass, String routineReason) { }

    /**
     * The class of the call on line {@code i}, which must be an ERROR or RESTART line: a restarted call is
     * always noise; a failure is noise when {@link DiagnosticPolicy} says it is routine. Reads the line only
     * when the verdict depends on the path.
     */
    public static FindingClass classify(ParsedTrace parsed, TraceModel model, int i) {
        String name = parsed.name(i);
        if (parsed.returnKind(i) == ReturnKind.RESTART || DiagnosticPolicy.notOwnFailure(name)) {
            return FindingClass.NOISE; // rt_sigreturn's -1 is the interrupted call's result: never a notable failure
        }
        return DiagnosticPolicy.failedCall(routineReason(parsed, model, i, name));
    }

    /** {@link #classify} with the routine reason, the line read once (the report's marks show both). */
    public static Verdict verdict(ParsedTrace parsed, TraceModel model, int i) {
        String name = parsed.name(i);
        String reason = routineReason(parsed, model, i, name);
        boolean noise = parsed.returnKind(i) == ReturnKind.RESTART || DiagnosticPolicy.notOwnFailure(name);
        return new Verdict(noise ? FindingClass.NOISE : DiagnosticPolicy.failedCall(reason), reason);
    }

    /** The reason a failure is routine; the path (read from the line) only where the reason depends on it. */
    private static String routineReason(ParsedTrace parsed, TraceModel model, int i, String name) {
        String errno = parsed.errno(i);
        String path = DiagnosticPolicy.needsPath(name, errno) ? path(parsed, entryLine(parsed, model, i), name) : null;
        return DiagnosticPolicy.routineReason(name, errno, path);
    }

    /** The line where the call of line {@code i} started: its unfinished half when {@code i} is resumed. */
    public static int entryLine(ParsedTrace parsed, TraceModel model, int i) {
        return parsed.kind(i) == LineKind.RESUMED && model.partner(i) >= 0 ? model.partner(i) : i;
    }

    /** Whether {@code name} is an errno name strace prints ({@code ENOENT}, {@code ERESTARTSYS}). */
    public static boolean isErrnoName(String name) {
        return Errnos.message(name) != null;
    }

    /**
     * What the call on line {@code i} is about: its first string argument (the path of most file calls), or
     * for connect the {@code sun_path} of its socket address (how the policy knows a probe of nscd); or null.
     */
    public static String path(ParsedTrace parsed, int i, String syscall) {
        return path(parsed.text(), parsed.line(i).argsSpan(), syscall);
    }

    /** {@link #path(ParsedTrace, int, String)} for a line already read: its argument text. */
    public static String path(CharSequence text, Span args, String syscall) {
        String path = ArgParser.firstString(text, args);
        if (path == null && "connect".equals(syscall)) {
            for (ArgNode node : ArgParser.parse(text, args).nodes()) {
                if (node.kind() != ArgKind.STRUCT) {
                    continue;
                }
                for (ArgNode field : node.children()) {
                    if ("sun_path".equals(field.name()) && field.value() != null && field.value().kind() == ArgKind.STRING) {
                        return field.value().decoded();
                    }
                }
            }
        }
        return path;
    }

    /** The first string argument of line {@code i}, escapes resolved: the path of most file calls; or null. */
    public static String firstString(ParsedTrace parsed, int i) {
        return ArgParser.firstString(parsed.text(), parsed.line(i).argsSpan());
    }
}
