package org.stracels.check;

import java.util.ArrayList;
import java.util.List;
import org.stracels.parse.CancelCheck;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/**
 * Finds what a reader of a trace should look at: failed calls, bad endings, broken lines, lost halves, and the
 * error messages programs wrote, each with its likely causes ({@link Causes}).
 */
public final class Checker {
    private Checker() {
    }

    public static List<Finding> check(Trace trace) {
        return check(trace, CancelCheck.NONE);
    }

    /** All findings in line order. */
    public static List<Finding> check(Trace trace, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        String text = parsed.text();
        List<Finding> findings = new ArrayList<>();
        boolean[] unmatched = new boolean[parsed.lineCount()];
        for (int line : model.unmatchedUnfinished()) {
            unmatched[line] = true;
        }
        for (int line : model.unmatchedResumed()) {
            unmatched[line] = true;
        }
        CauseAnalysis causes = Causes.of(trace, cancel);
        for (int i = 0; i < parsed.lineCount(); i++) {
            if ((i & 0x3fff) == 0) {
                cancel.checkCanceled();
            }
            LineKind kind = parsed.kind(i);
            ReturnKind result = parsed.returnKind(i);
            if (result == ReturnKind.ERROR || result == ReturnKind.RESTART) {
                findings.add(failedCall(parsed, model, i, parsed.line(i)));
            }
            Report report = causes.reportAt(i);
            if (report != null && report.line() == i) {
                findings.add(ReportedErrors.finding(parsed, report));
            }
            switch (kind) {
                case MALFORMED -> {
                    ParsedLine line = parsed.line(i);
                    findings.add(new Finding(i, line.lineStart(), line.lineEnd(), DiagnosticPolicy.MALFORMED,
                            FindingCode.MALFORMED_LINE.id(), "Malformed line: " + line.problem(), List.of()));
                }
                case KILLED -> findings.add(killed(parsed, model, i));
                case EXITED -> {
                    ParsedLine line = parsed.line(i);
                    if (line.number() != 0) {
                        findings.add(new Finding(i, line.detailSpan().start(), line.detailSpan().end(),
                                DiagnosticPolicy.NONZERO_EXIT, FindingCode.NONZERO_EXIT.id(),
                                who(model, i) + " exited with status " + line.number(), startOf(model, i, "process start")));
                    }
                }
                default -> {
                }
            }
            if (unmatched[i]) {
                findings.add(unmatchedHalf(parsed, model, i, text));
            }
        }
        return findings;
    }

    private static Finding failedCall(ParsedTrace parsed, TraceModel model, int i, ParsedLine line) {
        String text = parsed.text();
        int entry = parsed.kind(i) == LineKind.RESUMED && model.partner(i) >= 0 ? model.partner(i) : i;
        String name = line.name() == null ? "call" : line.name();
        String path = firstString(parsed, entry);
        if (path == null && "connect".equals(name)) {
            path = socketPath(parsed, entry);
        }
        String errno = line.errno();
        String message = line.errnoTextSpan().isPresent() ? line.errnoTextSpan().text(text) : Errnos.message(errno);
        Span at = line.errnoSpan().isPresent() ? line.errnoSpan() : line.returnValueSpan();
        List<Finding.Related> related = entry != i
                ? List.of(new Finding.Related(entry, parsed.lineStart(entry), parsed.lineEnd(entry), "the call started here"))
                : List.of();
        if (line.returnKind() == ReturnKind.RESTART) {
            return new Finding(i, at.start(), at.end(), DiagnosticPolicy.RESTARTED, errno,
                    name + " was interrupted by a signal (" + errno + ": " + message
                            + "); the kernel restarts it or fails it with EINTR, the program never sees " + errno,
                    related);
        }
        String reason = DiagnosticPolicy.routineReason(name, errno, path);
        StringBuilder m = new StringBuilder(name).append(" failed with ").append(errno);
        if (message != null) {
            m.append(" (").append(message).append(')');
        }
        if (path != null && !path.isEmpty()) {
            m.append(": \"").append(path).append('"');
        }
        if (reason != null) {
            m.append(" — routine: ").append(reason);
        }
        return new Finding(i, at.start(), at.end(), DiagnosticPolicy.failedCall(name, errno, path), errno,
                m.toString(), related);
    }

    private static Finding killed(ParsedTrace parsed, TraceModel model, int i) {
        ParsedLine line = parsed.line(i);
        String m = who(model, i) + " was killed by " + line.name() + (line.coreDumped() ? " and dumped core" : "");
        return new Finding(i, line.nameSpan().start(), line.nameSpan().end(), DiagnosticPolicy.KILLED,
                FindingCode.KILLED_BY_SIGNAL.id(), m, startOf(model, i, "process start"));
    }

    private static Finding unmatchedHalf(ParsedTrace parsed, TraceModel model, int i, String text) {
        ParsedLine line = parsed.line(i);
        int process = model.processOf(i);
        List<Finding.Related> related = new ArrayList<>();
        if (parsed.kind(i) == LineKind.UNFINISHED) {
            if (process >= 0 && model.process(process).endLine() > i) {
                ProcessInfo p = model.process(process);
                related.add(new Finding.Related(p.endLine(), parsed.lineStart(p.endLine()), parsed.lineEnd(p.endLine()),
                        "the process ended here: " + p.endingText()));
            }
            related.addAll(startOf(model, i, "process start"));
            Span at = line.unfinishedSpan().isPresent() ? line.unfinishedSpan() : line.nameSpan();
            return new Finding(i, at.start(), at.end(), DiagnosticPolicy.UNMATCHED_HALF,
                    FindingCode.UNFINISHED_NEVER_RESUMED.id(),
                    line.name() + " never returned: no '<... " + line.name() + " resumed>' line follows for this process",
                    related);
        }
        related.addAll(startOf(model, i, "process start"));
        Span at = line.nameSpan();
        return new Finding(i, at.start(), at.end(), DiagnosticPolicy.UNMATCHED_HALF,
                FindingCode.RESUMED_WITHOUT_START.id(),
                "the start of this " + line.name() + " call is not in this trace (it began before tracing, or in"
                        + " another thread's file with -ff)",
                related);
    }

    /** Related information pointing at the first line of the line's process, when that is another line. */
    private static List<Finding.Related> startOf(TraceModel model, int i, String label) {
        int process = model.processOf(i);
        if (process < 0) {
            return List.of();
        }
        ProcessInfo p = model.process(process);
        int first = p.createdAtLine() >= 0 ? p.createdAtLine() : p.firstLine();
        if (first < 0 || first == i) {
            return List.of();
        }
        return List.of(new Finding.Related(first, -1, -1, p.createdAtLine() >= 0 ? "created here" : label));
    }

    private static String who(TraceModel model, int i) {
        int process = model.processOf(i);
        if (process < 0 || model.process(process).pid() < 0) {
            return "The process";
        }
        return "Process " + model.process(process).pid();
    }

    /** {@code sun_path} of connect's sockaddr: what the policy needs to know a probe of nscd. */
    private static String socketPath(ParsedTrace parsed, int i) {
        for (ArgNode node : ArgParser.parse(parsed.text(), parsed.line(i).argsSpan()).nodes()) {
            if (node.kind() == ArgKind.STRUCT) {
                for (ArgNode field : node.children()) {
                    if ("sun_path".equals(field.name()) && field.value() != null && field.value().kind() == ArgKind.STRING) {
                        return field.value().decoded();
                    }
                }
            }
        }
        return null;
    }

    /** The first string argument of line {@code i}: the path of most file calls. */
    private static String firstString(ParsedTrace parsed, int i) {
        return ArgParser.firstString(parsed.text(), parsed.line(i).argsSpan());
    }
}
