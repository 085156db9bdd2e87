package org.stracels.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;

/**
 * The folding ranges of a trace, by line: runs of one syscall, the loader prologue after each execve, -k
 * stack frames and -e read/write dumps under their call, the -c summary table, and the block of each process
 * in traces whose processes do not interleave. One pass over the index; lines are read again only around
 * execve, to tell the loader's calls. Ranges always nest: one that would cross another is cut to fit.
 */
public final class Folding {
    /** How far after an execve the loader prologue is looked for, in lines of any process. */
    private static final int PROLOGUE_WINDOW = 2000;

    /** What a range folds, so that a client can fold kinds on command ("fold all imports"). */
    public enum Kind {
        /** A run of one syscall, a process block, the summary table. */
        REGION,
        /** The dynamic loader's work after an execve: what a program "imports". */
        IMPORTS,
        /** Stack frames and hex dumps: detail printed under a call. */
        DETAIL
    }

    /** Lines {@code startLine..endLine} (inclusive, 0-based) fold to the first; {@code label} says what is hidden. */
    public record Fold(int startLine, int endLine, Kind kind, String label) { }

    private Folding() {
    }

    public static List<Fold> folds(Trace trace, int minRun, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        List<Fold> folds = new ArrayList<>();
        runs(parsed, Math.max(2, minRun), folds, cancel);
        details(parsed, folds, cancel);
        prologues(trace, folds, cancel);
        blocks(trace, folds, cancel);
        return nest(folds);
    }

    /** Consecutive calls of one syscall, with the frames and dumps printed under them. */
    private static void runs(ParsedTrace parsed, int minRun, List<Fold> folds, CancelCheck cancel) {
        int n = parsed.lineCount();
        int runStart = -1;
        int runName = -1;
        int calls = 0;
        int last = -1;
        for (int i = 0; i <= n; i++) {
            cancel.checkEvery(i);
            LineKind kind = i < n ? parsed.kind(i) : LineKind.BLANK;
            if (kind == LineKind.STACK_FRAME || kind == LineKind.HEX_DUMP) {
                if (runStart >= 0) {
                    last = i;
                }
                continue;
            }
            int name = i < n && kind.isSyscall() ? parsed.nameId(i) : -1;
            if (name >= 0 && name == runName) {
                calls++;
                last = i;
                continue;
            }
            if (runStart >= 0 && calls >= minRun) {
                folds.add(new Fold(runStart, last, Kind.REGION, calls + " × " + parsed.names().get(runName)));
            }
            runStart = name >= 0 ? i : -1;
            runName = name;
            calls = name >= 0 ? 1 : 0;
            last = i;
        }
    }

    /** Stack frames and hex dumps under the line they belong to; summary tables as a whole. */
    private static void details(ParsedTrace parsed, List<Fold> folds, CancelCheck cancel) {
        int n = parsed.lineCount();
        int i = 0;
        while (i < n) {
            cancel.checkEvery(i);
            LineKind kind = parsed.kind(i);
            if (kind != LineKind.STACK_FRAME && kind != LineKind.HEX_DUMP && kind != LineKind.SUMMARY) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < n && parsed.kind(end + 1) == kind) {
                end++;
            }
            if (kind == LineKind.SUMMARY) {
                tables(parsed, i, end, folds);
            } else if (i > 0) {
                String what = kind == LineKind.STACK_FRAME ? (end - i + 1) + " stack frames" : "hex dump";
                folds.add(new Fold(i - 1, end, Kind.DETAIL, what));
            }
            i = end + 1;
        }
    }

    /** Each -c table of lines {@code first..last}: a new one starts at "System call usage summary for …". */
    private static void tables(ParsedTrace parsed, int first, int last, List<Fold> folds) {
        int start = first;
        for (int i = first + 1; i <= last + 1; i++) {
            if (i > last || parsed.text().startsWith("System call usage summary", parsed.lineStart(i))) {
                if (i - 1 > start) {
                    folds.add(new Fold(start, i - 1, Kind.REGION, "summary table"));
                }
                start = i;
            }
        }
    }

    /** From each execve to the loader's last call before the first call of the program's own. */
    private static void prologues(Trace trace, List<Fold> folds, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        for (ProcessInfo process : model.processes()) {
            cancel.checkCanceled();
            for (ProcessInfo.Exec exec : process.execs()) {
                int start = model.entryOf(exec.line());
                int end = prologueEnd(parsed, model, process.id(), exec.line());
                if (end > start) {
                    folds.add(new Fold(start, end, Kind.IMPORTS, "dynamic loader"));
                }
            }
        }
    }

    private static int prologueEnd(ParsedTrace parsed, TraceModel model, int processId, int execLine) {
        int lastLoader = -1;
        int limit = Math.min(parsed.lineCount(), execLine + 1 + PROLOGUE_WINDOW);
        for (int i = execLine + 1; i < limit; i++) {
            if (model.processOf(i) != processId) {
                continue;
            }
            LineKind kind = parsed.kind(i);
            if (kind == LineKind.RESUMED && model.partner(i) >= 0) {
                continue; // the rest of a call whose start was already looked at
            }
            if (!kind.isSyscall() || !Loader.isLoaderWork(parsed, i)) {
                break;
            }
            lastLoader = i;
            int resumed = model.partner(i);
            if (resumed > i) {
                lastLoader = resumed;
            }
        }
        if (lastLoader < 0) {
            return -1;
        }
        // take the frames and dumps printed under the last call along
        while (lastLoader + 1 < parsed.lineCount() && (parsed.kind(lastLoader + 1) == LineKind.STACK_FRAME
                || parsed.kind(lastLoader + 1) == LineKind.HEX_DUMP)) {
            lastLoader++;
        }
        return lastLoader;
    }

    /** Each process's lines, when no other process's line falls among them and the trace has several. */
    private static void blocks(Trace trace, List<Fold> folds, CancelCheck cancel) {
        TraceModel model = trace.model();
        if (model.processes().size() < 2) {
            return;
        }
        for (ProcessInfo process : model.processes()) {
            cancel.checkCanceled();
            int first = process.firstLine();
            int last = process.lastLine();
            if (first < 0 || last <= first || !alone(model, process.id(), first, last)) {
                continue;
            }
            folds.add(new Fold(first, last, Kind.REGION, Programs.title(trace, process)));
        }
    }

    private static boolean alone(TraceModel model, int id, int first, int last) {
        for (int i = first; i <= last; i++) {
            int owner = model.processOf(i);
            if (owner >= 0 && owner != id) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sorted by start (the larger first when two start together), each range cut to end inside the one that
     * encloses its start, so that clients that drop crossing ranges keep them all. Ranges left with a single
     * line and duplicates are dropped.
     */
    static List<Fold> nest(List<Fold> folds) {
        List<Fold> sorted = new ArrayList<>(folds);
        sorted.sort(Comparator.comparingInt(Fold::startLine).thenComparing(Comparator.comparingInt(Fold::endLine).reversed()));
        List<Fold> result = new ArrayList<>(sorted.size());
        List<Fold> open = new ArrayList<>();
        for (Fold f : sorted) {
            while (!open.isEmpty() && open.get(open.size() - 1).endLine() < f.startLine()) {
                open.remove(open.size() - 1);
            }
            Fold fitted = f;
            if (!open.isEmpty()) {
                Fold outer = open.get(open.size() - 1);
                if (f.endLine() > outer.endLine()) {
                    fitted = new Fold(f.startLine(), outer.endLine(), f.kind(), f.label());
                }
                if (fitted.startLine() == outer.startLine() && fitted.endLine() == outer.endLine()) {
                    continue;
                }
            }
            if (fitted.endLine() <= fitted.startLine()) {
                continue;
            }
            result.add(fitted);
            open.add(fitted);
        }
        return result;
    }
}
