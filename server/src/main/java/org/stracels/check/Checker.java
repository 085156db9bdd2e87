package org.stracels.check;

import java.util.ArrayList;
import java.util.List;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.HiddenErrors;
import org.stracels.cause.Report;
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
    public static List<Finding> check(Trace trace) {
        return check(trace, CancelCheck.NONE);
    }

    /** All findings in line order, with the default severities. */
    public static List<Finding> check(Trace trace, CancelCheck cancel) {
        return check(trace, DiagnosticPolicy.DEFAULT, cancel);
    }

    /** All findings in line order, with the severities of {@code policy}; classes it switches off are left out. */
    public static List<Finding> check(Trace trace, DiagnosticPolicy policy, CancelCheck cancel) {
        List<Finding> findings = new ArrayList<>();
        new Checker(trace, policy).run(findings, 0, trace.parsed().lineCount(), cancel);
        return findings;
    }

    /**
     * The findings of lines {@code from} to {@code to} (exclusive) of a window of a big trace, in line order: the
     * findings of those lines, and those of calls that, as these lines show, never resumed (wherever they are).
     */
    public static List<Finding> check(Trace trace, DiagnosticPolicy policy, int from, int to, CancelCheck cancel) {
        List<Finding> findings = new ArrayList<>();
        new Checker(trace, policy).run(findings, from, to, cancel);
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    private final Trace trace;
    private final ParsedTrace parsed;
    private final TraceModel model;
    private final DiagnosticPolicy policy;

    private Checker(Trace trace, DiagnosticPolicy policy) {
        this.trace = trace;
        this.parsed = trace.parsed();
        this.model = trace.model();
        this.policy = policy;
    }

    private void run(List<Finding> findings, int from, int to, CancelCheck cancel) {
        String text = parsed.text();
        boolean[] unmatched = new boolean[parsed.lineCount()];
        for (int line : model.unmatchedUnfinished()) {
            int since = model.unmatchedSince(line);
            if (since >= from && since < to) {
                if (line >= from && line < to) {
                    unmatched[line] = true;
                } else {
                    // a call from before these lines that, as they show, never resumed
                    add(findings, unmatchedHalf(line, text));
                }
            }
        }
        for (int line : model.unmatchedResumed()) {
            unmatched[line] = true;
        }
        CauseAnalysis causes = Causes.of(trace, cancel);
        for (int i = from; i < to; i++) {
            cancel.checkEvery(i);
            LineKind kind = parsed.kind(i);
            ReturnKind result = parsed.returnKind(i);
            if (result == ReturnKind.ERROR || result == ReturnKind.RESTART) {
                if (!DiagnosticPolicy.notOwnFailure(parsed.name(i))) {
                    add(findings, failedCall(i, parsed.line(i)));
                }
            } else if (kind == LineKind.PARTIAL) {
                add(findings, cutFailedCall(i));
            } else if (HiddenErrors.mayHide(parsed.name(i))) {
                add(findings, hiddenError(i));
            }
            Report report = causes.reportAt(i);
            if (report != null && report.line() == i) {
                findings.add(ReportedErrors.finding(trace, report));
            }
            switch (kind) {
                case MALFORMED -> {
                    Severity severity = severity(FindingClass.MALFORMED);
                    if (severity != null) {
                        ParsedLine line = parsed.line(i);
                        findings.add(new Finding(i, line.lineStart(), line.lineEnd(), severity, FindingClass.MALFORMED,
                                FindingCode.MALFORMED_LINE.id(), "Malformed line: " + line.problem(), List.of()));
                    }
                }
                case KILLED -> add(findings, killed(i, causes));
                case EXITED -> {
                    Severity severity = severity(FindingClass.NONZERO_EXIT);
                    ParsedLine line = severity == null ? null : parsed.line(i);
                    if (line != null && line.number() != 0) {
                        List<Cause> list = causes.causesOfExit(trace, i);
                        findings.add(new Finding(i, line.detailSpan().start(), line.detailSpan().end(),
                                severity, FindingClass.NONZERO_EXIT, FindingCode.NONZERO_EXIT.id(),
                                who(model, i) + " exited with status " + line.number() + ExitFindings.likelyCause(trace, list),
                                ExitFindings.related(parsed, list, startOf(model, i, "process start"))));
                    }
                }
                default -> {
                }
            }
            if (unmatched[i]) {
                add(findings, unmatchedHalf(i, text));
            }
        }
    }

    private Severity severity(FindingClass c) {
        return policy.severity(c).orElse(null);
    }

    private static void add(List<Finding> findings, Finding finding) {
        if (finding != null) {
            findings.add(finding);
        }
    }

    private Finding failedCall(int i, ParsedLine line) {
        String text = parsed.text();
        int entry = FailedCalls.entryLine(parsed, model, i);
        String name = line.name() == null ? "call" : line.name();
        String path = FailedCalls.path(text, (entry == i ? line : parsed.line(entry)).argsSpan(), name);
        String errno = line.errno();
        String message = line.errnoTextSpan().isPresent() ? line.errnoTextSpan().text(text) : Errnos.message(errno);
        Span at = line.errnoSpan().isPresent() ? line.errnoSpan() : line.returnValueSpan();
        List<Finding.Related> related = entry != i
                ? List.of(new Finding.Related(entry, parsed.lineStart(entry), parsed.lineEnd(entry), "the call started here"))
                : List.of();
        if (line.returnKind() == ReturnKind.RESTART) {
            Severity severity = severity(FindingClass.NOISE);
            return severity == null ? null : new Finding(i, at.start(), at.end(), severity, FindingClass.NOISE, errno,
                    name + " was interrupted by a signal (" + errno + ": " + message
                            + "); the kernel restarts it or fails it with EINTR, the program never sees " + errno,
                    related);
        }
        String reason = DiagnosticPolicy.routineReason(name, errno, path);
        FindingClass c = DiagnosticPolicy.failedCall(reason);
        Severity severity = severity(c);
        if (severity == null) {
            return null;
        }
        return new Finding(i, at.start(), at.end(), severity, c, errno,
                failureMessage(name, errno, message, path, reason), related);
    }

    /**
     * A failed call whose line the program's output cut in two (stderr captures only): it is reported on the
     * continuation, where its errno is, and points back at the line where the call began.
     */
    private Finding cutFailedCall(int i) {
        ParsedTrace.JoinedLine joined = parsed.joined(i);
        if (joined == null || joined.line().returnKind() != ReturnKind.ERROR || !joined.line().errnoSpan().isPresent()) {
            return null;
        }
        ParsedLine whole = joined.line();
        int head = parsed.lineEnd(i) - parsed.lineStart(i);
        Span errnoSpan = whole.errnoSpan();
        if (errnoSpan.start() < head) {
            return null;
        }
        int continuation = joined.continuationLine();
        int shift = parsed.lineStart(continuation) - head; // offsets in the joined text → in the trace
        String name = whole.name();
        String errno = whole.errno();
        String path = ArgParser.firstString(joined.text(), whole.argsSpan());
        String reason = DiagnosticPolicy.routineReason(name, errno, path);
        FindingClass c = DiagnosticPolicy.failedCall(reason);
        Severity severity = severity(c);
        if (severity == null) {
            return null;
        }
        String message = whole.errnoTextSpan().isPresent() ? whole.errnoTextSpan().text(joined.text()) : Errnos.message(errno);
        return new Finding(continuation, errnoSpan.start() + shift, errnoSpan.end() + shift, severity, c, errno,
                failureMessage(name, errno, message, path, reason),
                List.of(new Finding.Related(i, parsed.lineStart(i), parsed.lineEnd(i),
                        "the call started here; the program's output cut its line")));
    }

    private static String failureMessage(String name, String errno, String message, String path, String reason) {
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
        return m.toString();
    }

    private Finding killed(int i, CauseAnalysis causes) {
        Severity severity = severity(FindingClass.KILLED);
        if (severity == null) {
            return null;
        }
        if (causes.endedNormally(i)) {
            severity = DiagnosticPolicy.normalKill(severity);
        }
        ParsedLine line = parsed.line(i);
        String ending = causes.ending(i);
        List<Cause> list = causes.causesOfExit(trace, i);
        boolean said = ending != null && !list.isEmpty() && ending.contains("line " + trace.lineNumber(list.get(0).line()) + ")");
        String m = who(model, i) + " was killed by " + line.name() + (line.coreDumped() ? " and dumped core" : "")
                + (ending != null ? ": " + ending : "") + (said ? "" : ExitFindings.likelyCause(trace, list));
        return new Finding(i, line.nameSpan().start(), line.nameSpan().end(), severity, FindingClass.KILLED,
                FindingCode.KILLED_BY_SIGNAL.id(), m, ExitFindings.related(parsed, list, startOf(model, i, "process start")));
    }

    /** An error inside the result of a call that succeeded ({@code SO_ERROR, [ECONNREFUSED]}, {@code POLLERR}). */
    private Finding hiddenError(int i) {
        HiddenErrors.Hidden hidden = HiddenErrors.of(trace, i);
        Severity severity = hidden == null ? null : severity(FindingClass.FAILURE);
        if (severity == null) {
            return null;
        }
        String errno = hidden.code();
        String meaning = Errnos.message(errno);
        String m = parsed.name(i) + " succeeded, but what it returns holds an error: " + errno
                + (meaning != null && !meaning.equals(errno) ? " (" + meaning + ")" : "") + " — " + hidden.what();
        return new Finding(i, hidden.start(), hidden.end(), severity, FindingClass.FAILURE, errno, m, List.of());
    }

    private Finding unmatchedHalf(int i, String text) {
        Severity severity = severity(FindingClass.UNMATCHED);
        if (severity == null) {
            return null;
        }
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
            return new Finding(i, at.start(), at.end(), severity, FindingClass.UNMATCHED,
                    FindingCode.UNFINISHED_NEVER_RESUMED.id(),
                    line.name() + " never returned: no '<... " + line.name() + " resumed>' line follows for this process",
                    related);
        }
        related.addAll(startOf(model, i, "process start"));
        Span at = line.nameSpan();
        return new Finding(i, at.start(), at.end(), severity, FindingClass.UNMATCHED,
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
}
