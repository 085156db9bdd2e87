package org.stracels.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.check.FailedCalls;
import org.stracels.check.FindingClass;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * The outline of a trace: one symbol per process, in the order they appear, each holding its execve segments,
 * its threads and its notable events — failed calls that are not routine, signals it received, how it
 * ended. One pass over the index finds the events; only the lines that become symbols are read again. The
 * events listed per process are capped; a last symbol says how many were left out.
 */
public final class Outline {
    /** What a symbol stands for. */
    public enum Kind { PROCESS, THREAD, EXEC, FAILED_CALL, SIGNAL, EXIT, KILLED, ENDED, MORE }

    /**
     * One entry of the outline. {@code start}/{@code end} cover its lines (for a process, its first to its last
     * line); {@code selectionStart}/{@code selectionEnd} the token that names it. Offsets into the trace text.
     */
    public record Symbol(String name, String detail, Kind kind, int start, int end, int selectionStart,
            int selectionEnd, List<Symbol> children) { }

    private Outline() {
    }

    public static List<Symbol> symbols(Trace trace, int maxEvents, CancelCheck cancel) {
        TraceModel model = trace.model();
        List<List<Integer>> events = events(trace, cancel);
        List<List<Symbol>> threads = new ArrayList<>();
        for (int i = 0; i < model.processes().size(); i++) {
            threads.add(new ArrayList<>());
        }
        List<Symbol> top = new ArrayList<>();
        List<Integer> topOwner = new ArrayList<>();
        OutlineSymbols make = new OutlineSymbols(trace);
        for (ProcessInfo process : model.processes()) {
            cancel.checkCanceled();
            if (process.firstLine() < 0) {
                continue; // created, but never printed a line of its own
            }
            List<Integer> own = events.get(process.id());
            int kept = Math.min(own.size(), Math.max(0, maxEvents));
            List<Symbol> children = new ArrayList<>();
            List<Integer> shown = new ArrayList<>(own.subList(0, kept));
            for (int i = kept; i < own.size(); i++) {
                if (isEnding(trace.parsed(), own.get(i))) {
                    shown.add(own.get(i)); // how it ended is always shown
                }
            }
            List<Programs.Exec> execs = Programs.execs(trace, process);
            children.addAll(make.segments(process, execs, shown));
            int left = own.size() - shown.size();
            if (left > 0) {
                children.add(make.more(own, kept, left));
            }
            children.addAll(make.ending(process, own));
            Symbol symbol = make.process(process, execs, children);
            ProcessInfo owner = Programs.owner(trace, process);
            if (process.isThread() && owner != process && owner.firstLine() >= 0) {
                threads.get(owner.id()).add(symbol);
            } else {
                top.add(symbol);
                topOwner.add(process.id());
            }
        }
        List<Symbol> result = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            List<Symbol> mine = threads.get(topOwner.get(i));
            result.add(mine.isEmpty() ? top.get(i) : OutlineSymbols.withChildren(top.get(i), mine));
        }
        result.sort(Comparator.comparingInt(Symbol::start));
        return result;
    }

    /** Per process id, the lines of its notable events, in order. */
    private static List<List<Integer>> events(Trace trace, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        List<List<Integer>> events = new ArrayList<>(model.processes().size());
        for (int i = 0; i < model.processes().size(); i++) {
            events.add(new ArrayList<>());
        }
        for (int i = 0; i < parsed.lineCount(); i++) {
            cancel.checkEvery(i);
            int process = model.processOf(i);
            if (process < 0) {
                continue;
            }
            LineKind kind = parsed.kind(i);
            boolean notable = switch (kind) {
                case SIGNAL, STOPPED, EXITED, KILLED, DETACHED -> true;
                default -> parsed.returnKind(i) == ReturnKind.ERROR
                        && FailedCalls.classify(parsed, model, i) == FindingClass.FAILURE;
            };
            if (notable) {
                events.get(process).add(i);
            }
        }
        return events;
    }

    static boolean isEnding(ParsedTrace parsed, int line) {
        LineKind kind = parsed.kind(line);
        return kind == LineKind.EXITED || kind == LineKind.KILLED || kind == LineKind.DETACHED;
    }
}
