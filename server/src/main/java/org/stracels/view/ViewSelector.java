package org.stracels.view;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.check.FailedCalls;
import org.stracels.check.FindingClass;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Timestamps;
import org.stracels.stream.TraceWindow;

/**
 * Chooses the lines of a view, window after window, into one bit per line of the file (a 10 GB trace of 75 million
 * lines costs 9 MB): the lines every filter keeps, both halves of a cut call, the stack frames and dumps under a
 * chosen line, and the context asked for (lines of the same process before and after). What it keeps per process
 * is bounded by the context; nothing walks back over the trace.
 *
 * <p>An fd's life is read from the fd model of the window that holds the given line (which sees 20,480 lines
 * back) and followed forward from window to window through the processes that hold it.
 */
public final class ViewSelector {
    private final ViewFilter filter;
    private final BitSet chosen = new BitSet();
    private final Map<Integer, ArrayDeque<Integer>> before = new HashMap<>();
    private final Map<Integer, Integer> after = new HashMap<>();
    private final double fromTime;
    private final double toTime;
    private final Boolean clock;
    private double lastTime = Double.NaN;
    private boolean sawTime;
    private boolean lastPrefixedChosen;
    /** The fd being followed: the processes that hold it at the end of the last window, empty once it ended. */
    private Set<Integer> fdHolders;
    private boolean fdFound;

    public ViewSelector(ViewFilter filter) {
        this.filter = filter;
        this.fromTime = filter.fromTime() == null ? Double.NaN : Timestamps.seconds(filter.fromTime());
        this.toTime = filter.toTime() == null ? Double.NaN : Timestamps.seconds(filter.toTime());
        String any = filter.fromTime() != null ? filter.fromTime() : filter.toTime();
        this.clock = any == null ? null : Timestamps.isClock(any);
    }

    /** The chosen lines of the file so far. */
    public BitSet chosen() {
        return chosen;
    }

    /** Says what went wrong once the whole trace was read (a filter that cannot apply to this trace), or nothing. */
    public void finish() throws ViewException {
        if (clock != null && !sawTime) {
            throw new ViewException("the trace has no timestamps to filter by (strace -t, -tt or -ttt makes them)");
        }
        if (filter.fd() != null && !fdFound) {
            throw new ViewException("pid " + filter.fd().pid() + " held no fd " + filter.fd().fd() + " on line "
                    + (filter.fd().line() + 1));
        }
    }

    public void add(TraceWindow window, CancelCheck cancel) throws ViewException {
        Trace trace = window.trace();
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        List<ProcessInfo> processes = model.processes();
        byte[] pidMatch = new byte[processes.size()]; // 0 unknown, 1 yes, 2 no
        Map<Integer, Boolean> classMatch = new HashMap<>();
        Set<Integer> fdLines = filter.fd() == null ? null : fdLines(window, cancel);

        for (int u : model.unmatchedUnfinished()) {
            // a call that never returned is a failure of its own, known where its process went on or ended
            if (filter.failed() && window.owns(model.unmatchedSince(u)) && keeps(window, u, pidMatch, classMatch, fdLines, true)) {
                choose(window, u, model.processOf(u));
            }
        }
        for (int i = window.from(); i < window.to(); i++) {
            if ((i & 0xfff) == 0) {
                cancel.checkCanceled();
            }
            LineKind kind = parsed.kind(i);
            int process = model.processOf(i);
            if (filter.fromTime() != null || filter.toTime() != null) {
                readTime(parsed, i);
            }
            if (kind == LineKind.STACK_FRAME || kind == LineKind.HEX_DUMP) {
                // frames and dumps go with the line they are under
                if (lastPrefixedChosen) {
                    chosen.set(window.global(i));
                }
                continue;
            }
            boolean keep = keeps(window, i, pidMatch, classMatch, fdLines, false);
            if (!keep && kind == LineKind.RESUMED && model.partner(i) >= 0 && chosen.get(window.global(model.partner(i)))) {
                keep = true; // the other half of a chosen call
            }
            if (keep) {
                choose(window, i, process);
            } else if (process >= 0 && after.getOrDefault(process, 0) > 0) {
                chosen.set(window.global(i));
                after.merge(process, -1, Integer::sum);
            }
            lastPrefixedChosen = chosen.get(window.global(i));
            if (filter.context() > 0 && process >= 0 && !lastPrefixedChosen) {
                ArrayDeque<Integer> ring = before.computeIfAbsent(process, p -> new ArrayDeque<>());
                ring.addLast(window.global(i));
                if (ring.size() > filter.context()) {
                    ring.removeFirst();
                }
            }
        }
    }

    private void choose(TraceWindow window, int i, int process) {
        chosen.set(window.global(i));
        int partner = window.trace().model().partner(i);
        if (partner >= 0) {
            chosen.set(window.global(partner));
        }
        if (filter.context() > 0 && process >= 0) {
            ArrayDeque<Integer> ring = before.remove(process);
            if (ring != null) {
                ring.forEach(chosen::set);
            }
            after.put(process, filter.context());
        }
    }

    /** Whether every filter keeps line {@code i}; {@code neverReturned}: it is a call that never returned. */
    private boolean keeps(TraceWindow window, int i, byte[] pidMatch, Map<Integer, Boolean> classMatch,
            Set<Integer> fdLines, boolean neverReturned) throws ViewException {
        Trace trace = window.trace();
        ParsedTrace parsed = trace.parsed();
        int global = window.global(i);
        if (filter.fromLine() >= 0 && global < filter.fromLine() || filter.toLine() >= 0 && global > filter.toLine()) {
            return false;
        }
        if (!filter.pids().isEmpty() && !pidMatches(trace.model(), trace.model().processOf(i), pidMatch)) {
            return false;
        }
        LineKind kind = parsed.kind(i);
        if (!filter.syscalls().isEmpty() && (!kind.isSyscall() || !filter.syscalls().contains(parsed.name(i)))) {
            return false;
        }
        if (!filter.classes().isEmpty() && (!kind.isSyscall() || parsed.nameId(i) < 0 || !classMatch.computeIfAbsent(
                parsed.nameId(i), id -> filter.classes().contains(SyscallClasses.of(parsed.name(i)))))) {
            return false;
        }
        if (filter.failed() && !neverReturned && !failed(trace, i)) {
            return false;
        }
        if (fdLines != null && !fdLines.contains(i)) {
            return false;
        }
        if (filter.path() != null && !PathMatch.inArguments(parsed, i, filter.path())) {
            return false;
        }
        if (clock != null && !neverReturned) {
            if (Double.isNaN(lastTime)) {
                return false;
            }
            if (!Double.isNaN(fromTime) && lastTime < fromTime || !Double.isNaN(toTime) && lastTime > toTime) {
                return false;
            }
        }
        return true;
    }

    private boolean failed(Trace trace, int i) {
        ParsedTrace parsed = trace.parsed();
        ReturnKind result = parsed.returnKind(i);
        if (result == ReturnKind.ERROR || result == ReturnKind.RESTART) {
            return filter.noise() || FailedCalls.classify(parsed, trace.model(), i) != FindingClass.NOISE;
        }
        LineKind kind = parsed.kind(i);
        if (kind == LineKind.KILLED) {
            return true;
        }
        return kind == LineKind.EXITED && parsed.line(i).number() != 0;
    }

    private boolean pidMatches(TraceModel model, int process, byte[] memo) {
        if (process < 0) {
            return false;
        }
        if (memo[process] != 0) {
            return memo[process] == 1;
        }
        ProcessInfo p = model.process(process);
        boolean match = filter.pids().contains(p.pid());
        if (!match && p.parentId() >= 0 && p.parentId() != process) {
            // a thread goes with its process; with tree, every process with its ancestors
            boolean viaParent = p.isThread() || filter.tree();
            memo[process] = 2; // a cycle of parents (pid reuse) ends here
            match = viaParent && pidMatches(model, p.parentId(), memo);
        }
        memo[process] = (byte) (match ? 1 : 2);
        return match;
    }

    private void readTime(ParsedTrace parsed, int i) throws ViewException {
        if (!parsed.kind(i).hasPrefix()) {
            return;
        }
        ParsedLine line = parsed.line(i);
        if (!line.absoluteTimeSpan().isPresent()) {
            return;
        }
        String text = line.absoluteTimeSpan().text(parsed.text());
        if (!sawTime && Timestamps.isClock(text) != clock) {
            throw new ViewException(Timestamps.isClock(text)
                    ? "the trace's timestamps are times of day (-t/-tt): give times as HH:MM:SS[.frac]"
                    : "the trace's timestamps are seconds since 1970 (-ttt): give times in that form");
        }
        sawTime = true;
        lastTime = Timestamps.seconds(text);
    }

    /**
     * The local lines of this window where the fd instance asked for shows: found in the window that holds its line,
     * then followed in the next windows through the processes that hold it. Null-safe: empty when not in this window.
     */
    private Set<Integer> fdLines(TraceWindow window, CancelCheck cancel) {
        ViewFilter.FdRef ref = filter.fd();
        Trace trace = window.trace();
        Set<Integer> lines = new HashSet<>();
        boolean target = fdHolders == null && window.owns(window.map().toLocal(ref.line()));
        if (!target && (fdHolders == null || fdHolders.isEmpty())) {
            return lines;
        }
        FdModel fds = FdModel.build(trace, cancel);
        Set<Integer> instances = new HashSet<>();
        if (target) {
            int local = window.map().toLocal(ref.line());
            int process = local >= 0 && local < trace.parsed().lineCount() ? processAt(trace.model(), ref.pid(), local) : -1;
            int instance = process < 0 ? -1 : fds.instanceAt(process, ref.fd(), local);
            if (instance < 0) {
                fdHolders = Set.of();
                return lines;
            }
            fdFound = true;
            instances.add(instance);
        } else {
            // the same fd in the next window: what a holder used at that number before anything in the window made it
            for (int u = 0; u < fds.useCount(); u++) {
                FdModel.FdInstance inst = fds.instanceOfUse(u);
                if (inst.fd() == ref.fd() && inst.origin() != FdModel.Origin.CREATED
                        && fdHolders.contains(fds.lifeOfUse(u).processId())) {
                    instances.add(inst.id());
                }
            }
        }
        Set<Integer> holders = new HashSet<>();
        ParsedTrace parsed = trace.parsed();
        for (int instance : instances) {
            FdModel.FdInstance inst = fds.instance(instance);
            if (inst.origin() == FdModel.Origin.CREATED && inst.line() >= 0) {
                lines.add(inst.line());
            }
            for (int use : fds.usesOf(instance)) {
                lines.add(parsed.lineAt(fds.useOffset(use)));
            }
            for (FdModel.FdLife life : fds.lives(instance)) {
                if (life.endLine() >= 0) {
                    lines.add(life.endLine());
                }
                if (life.endLine() < 0 || life.endLine() >= window.to()) {
                    holders.add(life.processId());
                }
            }
        }
        fdHolders = holders;
        return lines;
    }

    /** The process that held {@code pid} on local line {@code line}, or -1. */
    private static int processAt(TraceModel model, int pid, int line) {
        int of = model.processOf(line);
        if (of >= 0 && model.process(of).pid() == pid) {
            return of;
        }
        int found = -1;
        for (ProcessInfo p : model.activeProcesses()) {
            if (p.pid() == pid && (p.firstLine() <= line || p.firstLine() < -1) && (p.endLine() < 0 || p.endLine() >= line)) {
                found = p.id();
            }
        }
        return found;
    }
}
