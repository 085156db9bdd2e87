package org.stracels.analysis;

import org.stracels.parse.CancelCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/**
 * What a trace means beyond single lines: which unfinished half goes with which resumed half, which process
 * each line belongs to, who created whom, what each process ran and how it ended, and which options made
 * the file. Built in one pass over the index; lines are re-read only where their detail matters (process
 * creation, execve, exits).
 */
public final class TraceModel {
    private static final int NONE = -1;

    private final int[] partner;
    private final int[] processOfLine;
    private final List<ProcessInfo> processes;
    private final List<ProcessInfo> active;
    private final int[] unmatchedUnfinished;
    private final int[] unmatchedResumed;
    /** Per unmatched unfinished line: the line where it became clear that it never resumes. */
    private final int[] unmatchedSince;
    /** Read from the lines on first use: most windows of a big file are never asked. */
    private final ParsedTrace trace;
    private DetectedOptions options; // guarded by this
    private final ModelState snapshot;

    private TraceModel(int[] partner, int[] processOfLine, List<ProcessInfo> processes, List<ProcessInfo> active,
            int[] unmatchedUnfinished, int[] unmatchedSince, int[] unmatchedResumed, ParsedTrace trace,
            ModelState snapshot) {
        this.partner = partner;
        this.processOfLine = processOfLine;
        this.processes = processes;
        this.active = active;
        this.unmatchedUnfinished = unmatchedUnfinished;
        this.unmatchedSince = unmatchedSince;
        this.unmatchedResumed = unmatchedResumed;
        this.trace = trace;
        this.snapshot = snapshot;
    }

    public static TraceModel build(ParsedTrace trace, CancelCheck cancel) {
        return new Builder(trace, cancel, ModelState.EMPTY, LineMap.IDENTITY, true, -1).build();
    }

    /**
     * The model of one window of a big trace (see {@link LineMap}), starting from {@code seed}, the state before the
     * window's first consecutive line. The window's carried lines are the calls {@code seed} has pending; they are
     * not read again. When {@code last} is false, calls still pending at the window's end are not unmatched (a
     * later window may resume them). {@link #snapshot()} is the state before local line {@code snapshotAt}.
     */
    public static TraceModel continueFrom(ParsedTrace window, ModelState seed, LineMap map, boolean last, int snapshotAt,
            CancelCheck cancel) {
        return new Builder(window, cancel, seed, map, last, snapshotAt).build();
    }

    /** The state before the line asked for in {@link #continueFrom}, in global lines; null when not asked for. */
    public ModelState snapshot() {
        return snapshot;
    }

    /**
     * The line at which unmatched unfinished line {@code line} (from {@link #unmatchedUnfinished()}) was known
     * never to resume: the process's next unfinished call, its end, or the last line of the trace. -1 if it is not one.
     */
    public int unmatchedSince(int line) {
        int k = java.util.Arrays.binarySearch(unmatchedUnfinished, line);
        return k < 0 ? -1 : unmatchedSince[k];
    }

    /** The other half of an unfinished or resumed line, or -1. */
    public int partner(int line) {
        return partner[line];
    }

    /** The line where the call on {@code line} began: its unfinished half when it is a resumed half, else itself. */
    public int entryOf(int line) {
        int other = partner[line];
        return other >= 0 && other < line ? other : line;
    }

    /** {@link ProcessInfo#id()} of the process line {@code line} belongs to, or -1 (lines without a process). */
    public int processOf(int line) {
        return processOfLine[line];
    }

    /**
     * Every process, by id. In a window of a big file, the processes that ended before the window are kept once for
     * all windows (see {@link ModelState}): each is handed out as a fresh copy in the window's lines. Loops that look
     * for what happens in this text should use {@link #activeProcesses()}.
     */
    public List<ProcessInfo> processes() {
        return processes;
    }

    /**
     * The processes that may have lines in this text, in id order: all of them in a trace read whole; in a window of
     * a big file, those alive at its start or begun in it (the ones that had ended before it are only in
     * {@link #processes()}).
     */
    public List<ProcessInfo> activeProcesses() {
        return active;
    }

    public ProcessInfo process(int id) {
        return processes.get(id);
    }

    /** {@link ProcessInfo#parentId()} of process {@code id}, without a copy of a process from before a window. */
    public int parentOf(int id) {
        return processes instanceof WindowProcesses w ? w.raw(id).parentId() : processes.get(id).parentId();
    }

    /** {@link ProcessInfo#isThread()} of process {@code id}, without a copy of a process from before a window. */
    public boolean isThread(int id) {
        return processes instanceof WindowProcesses w ? w.raw(id).isThread() : processes.get(id).isThread();
    }

    /**
     * The one rule for which process {@code pid} names at {@code line} (pids are reused once a process has
     * ended), for hover and navigation alike: the latest process with that pid that began at or before the
     * line (alive, or ended and not yet waited for), else the first to begin after it; -1 when none has it.
     * A process begins at the clone that made it or at its first line, whichever comes first.
     */
    public int processAt(long pid, int line) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return -1;
        }
        Holders holders = byPid().get((int) pid);
        if (holders == null) {
            return -1;
        }
        // the last to begin at or before the line (of two that begin together, the later one), else the first after
        int k = IntList.lowerBound(holders.starts, line == Integer.MAX_VALUE ? line : line + 1);
        return k > 0 ? holders.ids[k - 1] : holders.ids[0];
    }

    /** Where a process begins: the clone that made it or its first line, whichever comes first. */
    private static int start(ProcessInfo p) {
        return p.createdAtLine() < 0 ? p.firstLine()
                : p.firstLine() < 0 ? p.createdAtLine() : Math.min(p.createdAtLine(), p.firstLine());
    }

    /** The processes that had one pid, by where they began, then by id; {@code starts} sorted. */
    private record Holders(int[] starts, int[] ids) { }

    /** pid → the processes that had it; made on first need, once (a cursor request asks for one pid). */
    private volatile Map<Integer, Holders> byPid;

    private Map<Integer, Holders> byPid() {
        Map<Integer, Holders> index = byPid;
        if (index == null) {
            Map<Integer, List<ProcessInfo>> lists = new HashMap<>();
            for (ProcessInfo p : processes) {
                if (p.pid() > 0) {
                    lists.computeIfAbsent(p.pid(), k -> new ArrayList<>(1)).add(p);
                }
            }
            index = new HashMap<>(lists.size() * 2);
            for (Map.Entry<Integer, List<ProcessInfo>> e : lists.entrySet()) {
                List<ProcessInfo> list = e.getValue();
                list.sort(java.util.Comparator.comparingInt(TraceModel::start).thenComparingInt(ProcessInfo::id));
                int[] starts = new int[list.size()];
                int[] ids = new int[list.size()];
                for (int i = 0; i < ids.length; i++) {
                    starts[i] = start(list.get(i));
                    ids[i] = list.get(i).id();
                }
                index.put(e.getKey(), new Holders(starts, ids));
            }
            byPid = index; // a second thread may build it meanwhile: the same map, and either one will do
        }
        return index;
    }

    /** Unfinished lines that no resumed line completes, in line order. */
    public int[] unmatchedUnfinished() {
        return unmatchedUnfinished.clone();
    }

    /** Resumed lines whose unfinished half is not in this trace, in line order. */
    public int[] unmatchedResumed() {
        return unmatchedResumed.clone();
    }

    public synchronized DetectedOptions options() {
        if (options == null) {
            options = OptionsDetector.detect(trace);
        }
        return options;
    }

    /** Bytes held per line by the model's own arrays. */
    public long indexBytes() {
        return (partner.length + processOfLine.length) * 4L;
    }

    private static final class Builder {
        private final ParsedTrace trace;
        private final CancelCheck cancel;
        private final int n;
        private final int[] partner;
        private final int[] processOfLine;
        /**
         * The processes by id, in this text's lines: those this builder may change (alive at the seed's line or begun
         * since). Null for a process that had ended before the window: it is {@code shared.get(id)}, in the seed's
         * form, and is never changed again.
         */
        private final ArrayList<ProcessInfo> processes = new ArrayList<>();
        /** The seed's processes (global lines), shared with the seed and with every state made from it. */
        private final List<ProcessInfo> shared;
        /** pid → the process currently using it. */
        private final Map<Integer, ProcessInfo> live = new HashMap<>();
        /** process id → its pending unfinished line. */
        private final Map<Integer, Integer> pending = new HashMap<>();
        /** Pairs: an unfinished line that never resumes, and the line that shows it. */
        private final List<int[]> orphanUnfinished = new ArrayList<>();
        private final List<Integer> orphanResumed = new ArrayList<>();
        /** The process of lines without a pid: the only process of -ff and plain traces, the first one on stderr. */
        private ProcessInfo anonymous;
        private final boolean anyPid;
        private final LineMap map;
        private final boolean last;
        private final int snapshotAt;
        private ModelState snapshot;

        Builder(ParsedTrace trace, CancelCheck cancel, ModelState seed, LineMap map, boolean last, int snapshotAt) {
            this.trace = trace;
            this.cancel = cancel;
            this.n = trace.lineCount();
            this.partner = new int[n];
            this.processOfLine = new int[n];
            this.map = map;
            this.last = last;
            this.snapshotAt = snapshotAt;
            Arrays.fill(partner, NONE);
            Arrays.fill(processOfLine, NONE);
            boolean pid = seed.anyPid;
            for (int i = 0; i < n && !pid && map.isIdentity(); i++) {
                pid = trace.pid(i) >= 0;
            }
            this.anyPid = pid;
            this.shared = seed.processes;
            processes.addAll(Collections.nCopies(shared.size(), null));
            for (Map.Entry<Integer, Integer> e : seed.live.entrySet()) {
                live.put(e.getKey(), own(e.getValue()));
            }
            for (Map.Entry<Integer, Integer> e : seed.pending.entrySet()) {
                own(e.getKey());
                int local = map.toLocal(e.getValue());
                if (local >= 0) {
                    pending.put(e.getKey(), local);
                    processOfLine[local] = e.getKey();
                }
            }
            anonymous = seed.anonymous >= 0 ? own(seed.anonymous) : null;
        }

        /** Process {@code id} as one this builder may change: a copy in this text's lines of the seed's, made once. */
        private ProcessInfo own(int id) {
            ProcessInfo p = processes.get(id);
            if (p == null) {
                p = shared.get(id).copy(map::toLocal);
                processes.set(id, p);
            }
            return p;
        }

        /** The pid its parent holds now (the parent may have learnt its pid after it created it: stderr captures). */
        private int parentPidOf(ProcessInfo p) {
            return p.parentId >= 0 ? pidOf(p.parentId) : -1;
        }

        private int pidOf(int id) {
            ProcessInfo p = processes.get(id);
            return p != null ? p.pid() : shared.get(id).pid();
        }

        /**
         * The state before local line {@code i}, in global lines. The processes that had ended before the window are
         * passed on as they are: a big file's state holds each of them once, whatever the number of windows.
         */
        private ModelState capture() {
            List<ProcessInfo> copies = new ArrayList<>(processes.size());
            for (int id = 0; id < processes.size(); id++) {
                ProcessInfo p = processes.get(id);
                ProcessInfo copy = p == null ? shared.get(id) : p.copy(map::toGlobal);
                int parentPid = parentPidOf(copy);
                if (copy.parentPid != parentPid) {
                    // its parent learnt its pid after it created it (stderr captures): once per such process
                    copy = p == null ? copy.copy(line -> line) : copy;
                    copy.parentPid = parentPid;
                }
                copies.add(copy);
            }
            Map<Integer, Integer> liveIds = new HashMap<>();
            live.forEach((pid, p) -> liveIds.put(pid, p.id()));
            Map<Integer, Integer> pendingGlobal = new HashMap<>();
            pending.forEach((id, line) -> pendingGlobal.put(id, map.toGlobal(line)));
            return new ModelState(copies, ModelState.copyOf(liveIds), ModelState.copyOf(pendingGlobal),
                    anonymous == null ? -1 : anonymous.id(), anyPid);
        }

        TraceModel build() {
            for (int i = map.carriedCount(); i < n; i++) {
                cancel.checkEvery(i);
                if (i == snapshotAt) {
                    snapshot = capture();
                }
                LineKind kind = trace.callKind(i);
                if (kind == LineKind.STRACE_MESSAGE) {
                    attached(i);
                }
                if (!kind.hasPrefix()) {
                    continue;
                }
                ProcessInfo process = processFor(i);
                processOfLine[i] = process.id();
                process.lineCount++;
                if (process.firstLine == NONE) {
                    process.firstLine = i;
                }
                process.lastLine = i;
                switch (kind) {
                    case UNFINISHED -> {
                        Integer previous = pending.put(process.id(), i);
                        if (previous != null) {
                            orphanUnfinished.add(new int[] {previous, i});
                        }
                    }
                    case RESUMED -> resumed(i, process);
                    case SYSCALL -> {
                        if (trace.kind(i) == LineKind.PARTIAL) {
                            partial(i, process);
                        } else {
                            completed(i, i, process);
                        }
                    }
                    case EXITED, KILLED -> ended(i, process, kind);
                    case SUPERSEDED -> superseded(i, process);
                    case DETACHED -> process.ending = ProcessInfo.Ending.DETACHED;
                    default -> {
                    }
                }
            }
            for (int id = 0; id < processes.size(); id++) {
                // the parent may have learnt its pid after it created the child (stderr captures)
                ProcessInfo p = processes.get(id);
                ProcessInfo seen = p != null ? p : shared.get(id);
                int parentPid = parentPidOf(seen);
                if (seen.parentPid != parentPid) {
                    own(id).parentPid = parentPid;
                }
            }
            if (snapshotAt >= n) {
                snapshot = capture();
            }
            if (last) {
                for (int open : pending.values()) {
                    orphanUnfinished.add(new int[] {open, n - 1});
                }
            }
            orphanUnfinished.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] lines = new int[orphanUnfinished.size()];
            int[] since = new int[lines.length];
            for (int k = 0; k < lines.length; k++) {
                lines[k] = orphanUnfinished.get(k)[0];
                since[k] = orphanUnfinished.get(k)[1];
            }
            List<ProcessInfo> all;
            List<ProcessInfo> active;
            if (shared.isEmpty()) {
                all = Collections.unmodifiableList(processes);
                active = all;
            } else {
                ProcessInfo[] owned = processes.toArray(new ProcessInfo[0]);
                all = new WindowProcesses(shared, owned, map);
                List<ProcessInfo> here = new ArrayList<>();
                for (ProcessInfo p : owned) {
                    if (p != null) {
                        here.add(p);
                    }
                }
                active = Collections.unmodifiableList(here);
            }
            return new TraceModel(partner, processOfLine, all, active,
                    lines, since, toArray(orphanResumed), trace, snapshot);
        }

        private ProcessInfo processFor(int line) {
            int pid = trace.pid(line);
            if (pid < 0) {
                return lineWithoutPid();
            }
            ProcessInfo process = live.get(pid);
            if (process == null) {
                if (anonymous != null && anonymous.pid() < 0 && !isKnownChild(pid) && live.size() <= 1
                        && anonymous.ending == ProcessInfo.Ending.RUNNING) {
                    // on stderr the first process shows no pid until a second one exists: now we learn its pid
                    process = replaceAnonymous(pid);
                } else {
                    process = newProcess(pid);
                }
                live.put(pid, process);
            }
            return process;
        }

        private boolean isKnownChild(int pid) {
            for (int id = 0; id < processes.size(); id++) {
                if (pidOf(id) == pid) {
                    return true;
                }
            }
            return false;
        }

        private ProcessInfo lineWithoutPid() {
            if (anyPid && live.size() == 1) {
                return live.values().iterator().next();
            }
            if (anonymous == null || (anonymous.ending != ProcessInfo.Ending.RUNNING && anonymous.pid() < 0)) {
                anonymous = newProcess(-1);
            }
            return anonymous;
        }

        private ProcessInfo replaceAnonymous(int pid) {
            ProcessInfo old = anonymous;
            ProcessInfo named = new ProcessInfo(old.id(), pid);
            named.firstLine = old.firstLine;
            named.lastLine = old.lastLine;
            named.lineCount = old.lineCount;
            named.execs.addAll(old.execs);
            processes.set(old.id(), named);
            anonymous = named;
            return named;
        }

        private ProcessInfo newProcess(int pid) {
            ProcessInfo p = new ProcessInfo(processes.size(), pid);
            processes.add(p);
            return p;
        }

        /**
         * {@code strace: Process N attached}: N is a new process (stderr captures). Knowing it early keeps the
         * first {@code [pid N]} line from being taken for the first process, whose pid was not shown.
         */
        private void attached(int line) {
            ParsedLine message = trace.line(line);
            String m = message.detailSpan().text(trace.text());
            if (!m.startsWith("Process ") || !m.endsWith(" attached")) {
                return;
            }
            long pid = parseNumber(m.substring(8, m.length() - 9));
            if (pid > 0 && pid <= Integer.MAX_VALUE && !live.containsKey((int) pid)) {
                live.put((int) pid, newProcess((int) pid));
            }
        }

        /** A syscall line cut in two on stderr: its result is on the continuation line. */
        private void partial(int line, ProcessInfo process) {
            ParsedTrace.JoinedLine joined = trace.joined(line);
            if (joined == null || joined.line().returnKind() != ReturnKind.VALUE || joined.line().name() == null) {
                return;
            }
            String name = joined.line().name();
            if (name.equals("clone") || name.equals("clone3") || name.equals("fork") || name.equals("vfork")) {
                long child = parseNumber(joined.line().returnValueSpan().text(joined.text()));
                boolean thread = joined.line().argsSpan().text(joined.text()).contains("CLONE_THREAD");
                adopt(child, process, line, thread);
            }
        }

        private void resumed(int line, ProcessInfo process) {
            Integer start = pending.get(process.id());
            String name = trace.name(line);
            if (start != null && name != null && name.equals(trace.name(start))) {
                pending.remove(process.id());
                partner[start] = line;
                partner[line] = start;
                completed(start, line, process);
            } else {
                orphanResumed.add(line);
                completed(line, line, process);
            }
        }

        /** A call whose entry is on line {@code entry} and whose result is on line {@code exit}. */
        private void completed(int entry, int exit, ProcessInfo process) {
            String name = trace.name(exit);
            if (name == null || trace.returnKind(exit) != ReturnKind.VALUE) {
                return;
            }
            switch (name) {
                case "clone", "clone2", "clone3", "fork", "vfork" -> created(entry, exit, process);
                case "execve", "execveat" -> executed(entry, exit, process);
                default -> {
                }
            }
        }

        private void created(int entry, int exit, ProcessInfo parent) {
            ParsedLine result = trace.line(exit);
            long childPid = parseNumber(result.returnValueSpan().text(trace.text()));
            ParsedLine call = entry == exit ? result : trace.line(entry);
            boolean thread = call.argsSpan().text(trace.text()).contains("CLONE_THREAD");
            adopt(childPid, parent, exit, thread);
        }

        private void adopt(long childPid, ProcessInfo parent, int exit, boolean thread) {
            if (childPid <= 0 || childPid > Integer.MAX_VALUE) {
                return;
            }
            ProcessInfo child = live.get((int) childPid);
            if (child == null || child.ending != ProcessInfo.Ending.RUNNING) {
                child = newProcess((int) childPid);
                live.put((int) childPid, child);
            }
            child.parentId = parent.id();
            child.createdAtLine = exit;
            child.thread = thread;
        }

        private void executed(int entry, int exit, ProcessInfo process) {
            if (parseNumber(trace.line(exit).returnValueSpan().text(trace.text())) != 0) {
                return;
            }
            ParsedLine call = trace.line(entry);
            if (call.kind() == LineKind.RESUMED) {
                return; // re-printed after a thread's execve (-ff): the path is in another file
            }
            String first = ArgParser.firstString(trace.text(), call.argsSpan());
            String path = first == null ? "" : first;
            if (!path.isEmpty()) {
                process.execs.add(new ProcessInfo.Exec(exit, path));
            }
        }

        private void ended(int line, ProcessInfo process, LineKind kind) {
            ParsedLine parsed = trace.line(line);
            process.endLine = line;
            if (kind == LineKind.EXITED) {
                process.ending = ProcessInfo.Ending.EXITED;
                process.exitStatus = parsed.number();
            } else {
                process.ending = ProcessInfo.Ending.KILLED;
                process.signal = parsed.name();
                process.coreDumped = parsed.coreDumped();
            }
            Integer open = pending.remove(process.id());
            if (open != null) {
                orphanUnfinished.add(new int[] {open, line});
            }
            live.remove(process.pid());
        }

        /** {@code L +++ superseded by execve in pid T +++}: thread T's execve continues as pid L. */
        private void superseded(int line, ProcessInfo leader) {
            int threadPid = trace.line(line).number();
            ProcessInfo thread = live.remove(threadPid);
            Integer leaderPending = pending.remove(leader.id());
            if (leaderPending != null) {
                orphanUnfinished.add(new int[] {leaderPending, line});
            }
            if (thread == null || thread == leader) {
                return;
            }
            thread.ending = ProcessInfo.Ending.SUPERSEDED;
            thread.continuedAsPid = leader.pid();
            thread.endLine = line;
            Integer execve = pending.remove(thread.id());
            if (execve != null) {
                pending.put(leader.id(), execve);
            }
        }

        private static long parseNumber(String value) {
            try {
                if (value.startsWith("0x")) {
                    return Long.parseUnsignedLong(value.substring(2), 16);
                }
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int[] toArray(List<Integer> list) {
            int[] a = new int[list.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = list.get(i);
            }
            return a;
        }
    }
}
