package org.stracels.structure;

import java.util.ArrayList;
import java.util.List;
import org.stracels.analysis.DetectedOptions;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * Summaries shown above lines: at the top of the file, what the whole trace holds (processes, calls,
 * failures, wall time, the strace options that made it); at each process's first line, what that process
 * did. Counted in one pass over the index; only the lines whose times are needed are read again.
 */
public final class CodeLenses {
    /** A summary to show above line {@code line}. */
    public record Lens(int line, String title) { }

    private CodeLenses() {
    }

    public static List<Lens> lenses(Trace trace, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        List<Lens> lenses = new ArrayList<>();
        if (parsed.lineCount() == 0) {
            return lenses;
        }
        int processes = model.processes().size();
        int[] calls = new int[processes];
        int[] failed = new int[processes];
        int totalCalls = 0;
        int totalFailed = 0;
        for (int i = 0; i < parsed.lineCount(); i++) {
            cancel.checkEvery(i);
            if (!isCall(parsed, model, i)) {
                continue;
            }
            int p = model.processOf(i);
            int result = resultLine(parsed, model, i);
            boolean failure = parsed.returnKind(result) == ReturnKind.ERROR;
            totalCalls++;
            totalFailed += failure ? 1 : 0;
            if (p >= 0) {
                calls[p]++;
                failed[p] += failure ? 1 : 0;
            }
        }
        String timestamps = model.options().timestamps();
        boolean clock = timestamps.equals("-t") || timestamps.equals("-tt") || timestamps.contains("format:time");
        lenses.add(new Lens(0, summary(trace, totalCalls, totalFailed, clock)));
        for (ProcessInfo process : model.processes()) {
            cancel.checkCanceled();
            if (process.firstLine() < 0) {
                continue;
            }
            lenses.add(new Lens(process.firstLine(), processSummary(trace, process, calls[process.id()],
                    failed[process.id()], clock)));
        }
        return lenses;
    }

    /** A line that starts a call: complete, unfinished, cut, or a resumed half whose start is not in the trace. */
    private static boolean isCall(ParsedTrace parsed, TraceModel model, int i) {
        LineKind kind = parsed.kind(i);
        return kind == LineKind.RESUMED ? model.partner(i) < 0 : kind.isSyscall();
    }

    private static int resultLine(ParsedTrace parsed, TraceModel model, int i) {
        int partner = model.partner(i);
        return parsed.kind(i) == LineKind.UNFINISHED && partner > i ? partner : i;
    }

    private static String summary(Trace trace, int calls, int failed, boolean clock) {
        TraceModel model = trace.model();
        int processes = 0;
        int threads = 0;
        for (ProcessInfo p : model.processes()) {
            if (p.firstLine() >= 0) {
                if (p.isThread()) {
                    threads++;
                } else {
                    processes++;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        if (processes + threads == 0 && !model.options().summary().isEmpty()) {
            return "a summary table only, no calls · strace " + String.join(" ", model.options().flags());
        }
        b.append(count(processes, "process", "processes"));
        if (threads > 0) {
            b.append(" + ").append(count(threads, "thread", "threads"));
        }
        b.append(" · ").append(count(calls, "syscall", "syscalls"));
        b.append(" · ").append(count(failed, "failure", "failures"));
        ParsedTrace parsed = trace.parsed();
        int first = firstTimed(parsed, 0, 1);
        int last = firstTimed(parsed, parsed.lineCount() - 1, -1);
        if (first >= 0 && last >= 0) {
            ParsedLine from = parsed.line(first);
            long wall = Times.between(Times.seconds(trace.text(), from), Times.seconds(trace.text(), parsed.line(last)), clock);
            if (wall >= 0) {
                b.append(" · wall ").append(Times.format(wall, trace.text(), from));
            }
        }
        DetectedOptions options = model.options();
        if (!options.flags().isEmpty()) {
            b.append(" · strace ").append(String.join(" ", options.flags()));
        }
        return b.toString();
    }

    private static String processSummary(Trace trace, ProcessInfo process, int calls, int failed, boolean clock) {
        StringBuilder b = new StringBuilder(Programs.title(trace, process));
        b.append(" · ").append(count(calls, "call", "calls"));
        if (failed > 0) {
            b.append(" · ").append(count(failed, "failed", "failed"));
        }
        b.append(" · ").append(switch (process.ending()) {
            case EXITED, KILLED, DETACHED -> process.endingText();
            case SUPERSEDED -> "superseded by its execve";
            case RUNNING -> "no exit line in the trace";
        });
        int end = Math.max(process.lastLine(), process.endLine());
        ParsedTrace parsed = trace.parsed();
        ParsedLine first = parsed.line(process.firstLine());
        if (first.absoluteTimeSpan().isPresent() && end > process.firstLine()) {
            long span = Times.between(Times.seconds(trace.text(), first), Times.seconds(trace.text(), parsed.line(end)), clock);
            if (span >= 0) {
                b.append(" · ").append(Times.format(span, trace.text(), first));
            }
        }
        return b.toString();
    }

    /** The first line from {@code from} in direction {@code step} that carries a prefix, or -1. */
    private static int firstTimed(ParsedTrace parsed, int from, int step) {
        for (int i = from; i >= 0 && i < parsed.lineCount(); i += step) {
            if (parsed.kind(i).hasPrefix()) {
                return parsed.line(i).absoluteTimeSpan().isPresent() ? i : -1;
            }
        }
        return -1;
    }

    private static String count(int n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }
}
