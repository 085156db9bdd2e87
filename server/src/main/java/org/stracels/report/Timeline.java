package org.stracels.report;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import org.stracels.analysis.DetectedOptions;
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
import org.stracels.stream.TraceWindow;

/**
 * What the report's timeline draws, as compact JSON for its script: one row per process or thread (the first
 * {@link #MAX_ROWS}), a span per execve segment, marks for failed calls, signals, kills and failing exits, long calls (with {@code -T}),
 * lines from a clone to the child's row and from a child's exit to the wait that reaped it. Made window by window
 * over each window's own lines; lines are read again only where their text matters (failures whose verdict needs
 * a path, wait results, kill targets). Marks and long calls are capped, so that a huge trace makes a report of
 * bounded size, and so is what is kept while reading: the long calls are the {@link #MAX_CALLS} longest seen so far
 * (the threshold, known at the end, keeps at most that many); the script aggregates what falls on one pixel.
 */
final class Timeline {
    /** Kinds of marks, as the script knows them (index into its table of colours and names). */
    static final int FAILED = 0;
    static final int ROUTINE = 1;
    static final int SIGNAL = 2;
    static final int KILLED = 3;
    static final int NONZERO_EXIT = 4;
    static final int KILL_CALL = 5;
    static final int EXIT = 6;

    /** Most marks kept; failing exits and kills always are. */
    static final int MAX_MARKS = 200_000;
    /** Most long calls drawn as bars (the longest ones). */
    static final int MAX_CALLS = 20_000;
    /** Exits whose causes are ranked for the hover (each ranking is one more pass over a window's index). */
    static final int MAX_EXIT_CAUSES = 20;
    /**
     * Rows drawn: the first processes and threads, in the order they appear (a row's index is its process id). Each
     * row keeps its command lines while the trace is read and about 300 bytes in the page, so a trace of half a
     * million processes would not fit a small heap, nor a browser; the marks, calls and links of later processes are
     * left out with them, and the page says how many.
     */
    static final int MAX_ROWS = 50_000;

    /** Rows drawn here: {@link #MAX_ROWS}, or fewer in tests. */
    private final int maxRows;

    /** A long call: its row, the x of its entry, its duration, its line (1-based), its name's provisional id. */
    private record Call(int row, double x, long nanos, int line, int name) { }

    /** A process that ended, for the wait that reaps it: its id and the x of its end. */
    private record Ended(int id, double x) { }

    /**
     * Names of syscalls and signals, numbered in the order the whole text would meet them: a name gets its place at
     * the first line that uses it for a mark or a long call drawn (which is known only at the end).
     */
    private final Map<String, Integer> provisional = new HashMap<>();
    private final List<String> provisionalNames = new ArrayList<>();
    private int[] firstUse = new int[0];
    private final Map<String, Integer> errnos = new LinkedHashMap<>();
    private final Marks marks = new Marks();
    private int kept;
    private int dropped;
    private final long[] buckets = new long[64];
    private final PriorityQueue<Call> longest = new PriorityQueue<>(
            Comparator.comparingLong(Call::nanos).thenComparing(Comparator.comparingInt(Call::line).reversed()));
    private final List<double[]> waits = new ArrayList<>();
    /** By pid, the latest process (not a thread) with that pid that ended and was not reaped yet. */
    private final Map<Integer, Ended> ended = new HashMap<>();
    private final boolean time;

    Timeline(boolean time, int maxRows) {
        this.time = time;
        this.maxRows = maxRows;
    }

    void add(TraceWindow window, double[] x, CancelCheck cancel) {
        Trace trace = window.trace();
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        List<int[]> ends = new ArrayList<>(); // {end line, pid, id} of this window's ends, in line order
        for (ProcessInfo p : model.activeProcesses()) {
            if (!p.isThread() && window.owns(p.endLine())) {
                ends.add(new int[] {p.endLine(), p.pid(), p.id()});
            }
        }
        ends.sort(Comparator.comparingInt((int[] e) -> e[0]).thenComparingInt(e -> e[2]));
        int nextEnd = 0;
        for (int i = window.from(); i < window.to(); i++) {
            cancel.checkEvery(i - window.from());
            while (nextEnd < ends.size() && ends.get(nextEnd)[0] <= i) {
                int[] e = ends.get(nextEnd++);
                ended.put(e[1], new Ended(e[2], x[e[0]]));
            }
            long d = parsed.durationNanos(i);
            if (d > 0) {
                buckets[63 - Long.numberOfLeadingZeros(d)]++;
            }
            int line = window.global(i);
            LineKind kind = parsed.kind(i);
            int process = model.processOf(i);
            if (process < 0 || process >= maxRows) {
                continue;
            }
            ReturnKind result = parsed.returnKind(i);
            int mark = -1;
            int name = -1;
            int errno = -1;
            String note = null;
            switch (kind) {
                case SIGNAL -> {
                    mark = SIGNAL;
                    name = name(parsed.name(i), line);
                }
                case KILLED -> {
                    mark = KILLED;
                    name = name(parsed.name(i), line);
                }
                case EXITED -> mark = model.process(process).exitStatus() != 0 ? NONZERO_EXIT : EXIT;
                default -> {
                }
            }
            if (mark < 0 && kind.isSyscall() && parsed.name(i) != null) {
                String syscall = parsed.name(i);
                if (result == ReturnKind.ERROR) {
                    FailedCalls.Verdict verdict = FailedCalls.verdict(parsed, model, i);
                    mark = verdict.findingClass() == FindingClass.NOISE ? ROUTINE : FAILED;
                    name = name(syscall, line);
                    errno = errnos.computeIfAbsent(parsed.errno(i) == null ? "?" : parsed.errno(i), k -> errnos.size());
                    if (mark == ROUTINE) {
                        note = verdict.routineReason();
                    }
                } else if (isKill(syscall) && result == ReturnKind.VALUE) {
                    mark = KILL_CALL;
                    name = name(syscall, line);
                } else if (isWait(syscall) && result == ReturnKind.VALUE) {
                    Ended child = waitedChild(parsed, i);
                    if (child != null && child.id() < maxRows) { // (a later process has no row)
                        waits.add(new double[] {child.id(), child.x(), process, x[i], line + 1});
                    }
                }
                // lines come in order: a call as long as the shortest kept but later is never one of the longest
                if (time && d >= 0 && isCallEnd(kind) && (longest.size() < MAX_CALLS || d > longest.peek().nanos())) {
                    int entry = model.entryOf(i);
                    longest.add(new Call(process, x[entry], d, line + 1, provisional(syscall)));
                    if (longest.size() > MAX_CALLS) {
                        longest.poll();
                    }
                }
            }
            if (mark < 0) {
                continue;
            }
            boolean always = mark == KILLED || mark == NONZERO_EXIT || mark == EXIT;
            if (kept >= MAX_MARKS && !always) {
                dropped++;
                continue;
            }
            kept++;
            marks.add(process, x[i], line + 1, mark, name, errno, note);
        }
    }

    /** The provisional id of a name used for a mark on {@code line}. */
    private int name(String s, int line) {
        int id = provisional(s);
        firstUse[id] = Math.min(firstUse[id], line);
        return id;
    }

    private int provisional(String s) {
        String key = s == null ? "?" : s;
        Integer id = provisional.get(key);
        if (id == null) {
            id = provisionalNames.size();
            provisional.put(key, id);
            provisionalNames.add(key);
            if (id >= firstUse.length) {
                int old = firstUse.length;
                firstUse = Arrays.copyOf(firstUse, Math.max(16, old * 2));
                Arrays.fill(firstUse, old, firstUse.length, Integer.MAX_VALUE);
            }
        }
        return id;
    }

    /** The process a wait4/waitpid on line {@code i} reaped: the latest one with the returned pid that had ended. */
    private Ended waitedChild(ParsedTrace parsed, int i) {
        ParsedLine line = parsed.line(i);
        if (!line.returnValueSpan().isPresent() || "waitid".equals(line.name())) {
            return null;
        }
        int pid;
        try {
            pid = Integer.parseInt(line.returnValueSpan().text(parsed.text()));
        } catch (NumberFormatException e) {
            return null;
        }
        return pid <= 0 ? null : ended.remove(pid); // reaped once: what stays is only what nobody waited for
    }

    /** Writes the timeline's data as one JSON object. */
    void write(JsonWriter w, String fileName, int lines, DetectedOptions options, TimeAxis axis,
            List<ProcessInfo> processes, ProcessFacts facts, Failures failures) throws IOException {
        w.beginObject();
        w.name("file").value(fileName);
        w.name("lines").value(lines);
        w.name("time").value(axis.time);
        w.name("axis").value(axis.describe());
        w.name("options").value(String.join(" ", options.flags()));
        w.name("pidForm").value(options.pidForm().name());
        w.name("xUnit").value(axis.time ? 1e-9 : 1); // x values are integers: ns, or line numbers
        double end = axis.end();
        IntFunction<ProcessInfo> byId = processes::get;
        List<ProcessInfo> rowed = rows(processes);
        if (processes.size() > rowed.size()) {
            w.name("rowsLeftOut").value(processes.size() - rowed.size());
        }

        // rows: one per process or thread, threads after their process
        w.name("rows").beginArray();
        for (ProcessInfo p : rowed) {
            ProcessInfo owner = owner(byId, p);
            w.beginObject();
            w.name("pid").value(p.pid());
            w.name("thread").value(p.isThread());
            w.name("owner").value(owner == p ? -1 : owner.id());
            w.name("parent").value(p.parentId());
            w.name("first").value(p.firstLine() + 1);
            w.name("last").value(Math.max(p.lastLine(), p.endLine()) + 1);
            w.name("x0").value(p.firstLine() >= 0 ? units(axis, facts.first(p)) : 0);
            w.name("x1").value(units(axis, p.endLine() >= 0 ? facts.end(p) : p.lastLine() >= 0 ? facts.last(p) : end));
            w.name("ending").value(p.endingText());
            w.name("failed").value(Failures.failed(p));
            String program = Programs.program(byId, p);
            w.name("program").value(program == null ? "" : program);
            w.endObject();
        }
        w.endArray();

        // spans: the execve segments of each process (before its first execve: what its parent ran)
        w.name("spans").beginArray();
        for (ProcessInfo p : rowed) {
            if (p.firstLine() < 0) {
                continue;
            }
            double stop = p.endLine() >= 0 ? facts.end(p) : p.lastLine() >= p.firstLine() ? facts.last(p) : facts.first(p);
            int from = p.firstLine();
            double fromX = facts.first(p);
            String label = p.isThread() ? "thread" : inherited(byId, p);
            String argv = "";
            for (ProcessInfo.Exec e : p.execs()) {
                ProcessFacts.Exec exec = facts.exec(e, stop);
                if (exec.entry() > from) {
                    span(w, axis, p.id(), fromX, exec.x(), from, label, argv);
                }
                from = exec.entry();
                fromX = exec.x();
                label = e.path();
                argv = exec.commandLine();
            }
            span(w, axis, p.id(), fromX, stop, from, label, argv);
        }
        w.endArray();

        double threshold = axis.time ? longCallThreshold(end) : Double.POSITIVE_INFINITY;
        List<Call> drawn = drawn(threshold);
        w.name("names").beginArray();
        int[] finalId = names(w);
        w.endArray();
        w.name("errnos").beginArray();
        for (String s : errnos.keySet()) {
            w.value(s);
        }
        w.endArray();
        marks.write(w, axis, finalId);
        w.name("marksDropped").value(dropped);

        w.name("calls").beginArray(); // [row, x, duration s, line, name]
        for (Call c : drawn) {
            w.beginArray().value(c.row()).value(units(axis, c.x())).value(units(axis, c.nanos() / 1e9)).value(c.line())
                    .value(finalId[c.name()]).endArray();
        }
        w.endArray();
        w.name("callThreshold").value(Double.isInfinite(threshold) ? -1 : units(axis, threshold));

        // links: clone → child's first line; child's exit → the wait that reaped it
        w.name("links").beginArray(); // [kind 0 clone / 1 wait, from row, from x, to row, to x, line]
        for (ProcessInfo p : rowed) {
            if (p.parentId() >= 0 && p.parentId() < maxRows && p.createdAtLine() >= 0 && p.firstLine() >= 0) {
                w.beginArray().value(0).value(p.parentId()).value(units(axis, facts.created(p))).value(p.id())
                        .value(units(axis, facts.first(p))).value(p.createdAtLine() + 1).endArray();
            }
        }
        for (double[] l : waits) {
            w.beginArray().value(1).value((int) l[0]).value(units(axis, l[1])).value((int) l[2]).value(units(axis, l[3]))
                    .value((int) l[4]).endArray();
        }
        w.endArray();

        writeCauses(w, failures);
        w.endObject();
    }

    /** The processes that get a row: the first {@link #maxRows}. */
    private List<ProcessInfo> rows(List<ProcessInfo> processes) {
        return processes.size() <= maxRows ? processes : processes.subList(0, maxRows);
    }

    /** The long calls drawn: those at or over the threshold, in line order, at most {@link #MAX_CALLS}. */
    private List<Call> drawn(double threshold) {
        List<Call> list = new ArrayList<>();
        for (Call c : longest) {
            if (c.nanos() / 1e9 >= threshold) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparingInt(Call::line));
        List<Call> shown = list.subList(0, Math.min(MAX_CALLS, list.size()));
        for (Call c : shown) {
            firstUse[c.name()] = Math.min(firstUse[c.name()], c.line() - 1);
        }
        return shown;
    }

    /**
     * Writes the names in the order of their first use and answers the final id of each provisional one. The long
     * calls drawn count as uses, so {@link #drawn} is asked first.
     */
    private int[] names(JsonWriter w) throws IOException {
        List<Integer> used = new ArrayList<>();
        for (int id = 0; id < provisionalNames.size(); id++) {
            if (firstUse[id] != Integer.MAX_VALUE) {
                used.add(id);
            }
        }
        used.sort(Comparator.comparingInt(id -> firstUse[id]));
        int[] finalId = new int[provisionalNames.size()];
        Arrays.fill(finalId, -1);
        for (int k = 0; k < used.size(); k++) {
            finalId[used.get(k)] = k;
            w.value(provisionalNames.get(used.get(k)));
        }
        return finalId;
    }

    /** x as the JSON carries it: integer nanoseconds on a time axis (shorter than decimals), else the line number. */
    private static long units(TimeAxis axis, double x) {
        return axis.time ? Math.round(x * 1e9) : Math.round(x);
    }

    /** The likely causes, by the line of the mark they explain: failed calls that caused something, failing exits. */
    private static void writeCauses(JsonWriter w, Failures failures) throws IOException {
        Map<Integer, StringBuilder> byLine = new LinkedHashMap<>();
        for (Failures.Message m : failures.messages) {
            List<Failures.Shown> list = m.causes();
            for (int k = 0; k < Math.min(3, list.size()); k++) {
                Failures.Shown c = list.get(k);
                append(byLine, c.line(), "likely cause " + (k + 1) + " (score " + c.score() + ") of the message “"
                        + m.excerpt80() + "” on line " + (m.line() + 1) + ": " + c.why());
            }
        }
        for (Failures.Exit exit : failures.exits.values()) {
            List<Failures.Shown> list = exit.causes();
            if (list.isEmpty()) {
                append(byLine, exit.line(), "no call of this process failed before it");
            }
            for (int k = 0; k < Math.min(3, list.size()); k++) {
                Failures.Shown c = list.get(k);
                append(byLine, exit.line(), "likely cause " + (k + 1) + ": line " + (c.line() + 1) + " " + c.call()
                        + " (score " + c.score() + "): " + c.why());
            }
        }
        w.name("causes").beginObject();
        for (Map.Entry<Integer, StringBuilder> e : byLine.entrySet()) {
            w.name(Integer.toString(e.getKey() + 1)).value(e.getValue().toString());
        }
        w.endObject();
    }

    private static void append(Map<Integer, StringBuilder> byLine, int line, String text) {
        StringBuilder b = byLine.computeIfAbsent(line, k -> new StringBuilder());
        if (b.length() > 0) {
            b.append('\n');
        }
        b.append(text);
    }

    private static void span(JsonWriter w, TimeAxis axis, int row, double x0, double x1, int line, String label, String argv)
            throws IOException {
        w.beginArray().value(row).value(units(axis, x0)).value(units(axis, Math.max(x0, x1))).value(line + 1).value(label)
                .value(argv).endArray();
    }

    /** Marks as parallel arrays: row, x, line, kind, name, errno, and the routine reason of routine failures. */
    private static final class Marks {
        private int size;
        private int[] rows = new int[1024];
        private double[] xs = new double[1024];
        private int[] lines = new int[1024];
        private byte[] kinds = new byte[1024];
        private int[] names = new int[1024];
        private int[] errnos = new int[1024];
        private String[] notes = new String[1024];
        /** Routine reasons are few texts: each is kept once. */
        private final Map<String, String> noteTexts = new HashMap<>();

        void add(int row, double x, int line, int kind, int name, int errno, String note) {
            if (size == rows.length) {
                int n = size * 2;
                rows = Arrays.copyOf(rows, n);
                xs = Arrays.copyOf(xs, n);
                lines = Arrays.copyOf(lines, n);
                kinds = Arrays.copyOf(kinds, n);
                names = Arrays.copyOf(names, n);
                errnos = Arrays.copyOf(errnos, n);
                notes = Arrays.copyOf(notes, n);
            }
            rows[size] = row;
            xs[size] = x;
            lines[size] = line;
            kinds[size] = (byte) kind;
            names[size] = name;
            errnos[size] = errno;
            notes[size] = note == null ? null : noteTexts.computeIfAbsent(note, k -> k);
            size++;
        }

        void write(JsonWriter w, TimeAxis axis, int[] finalId) throws IOException {
            w.name("marks").beginArray();
            for (int k = 0; k < size; k++) {
                w.beginArray();
                w.value(rows[k]).value(units(axis, xs[k])).value(lines[k]).value(kinds[k])
                        .value(names[k] < 0 ? -1 : finalId[names[k]]).value(errnos[k]);
                if (notes[k] != null) {
                    w.value(notes[k]);
                }
                w.endArray();
            }
            w.endArray();
        }
    }

    private static boolean isKill(String syscall) {
        return syscall.equals("kill") || syscall.equals("tkill") || syscall.equals("tgkill")
                || syscall.equals("pidfd_send_signal");
    }

    private static boolean isWait(String syscall) {
        return syscall.equals("wait4") || syscall.equals("waitpid") || syscall.equals("waitid");
    }

    /** A line that ends a call (so that a cut call is counted at its resumed half). */
    private static boolean isCallEnd(LineKind kind) {
        return kind == LineKind.SYSCALL || kind == LineKind.RESUMED;
    }

    /**
     * The shortest duration drawn as a bar: the durations of all calls in log buckets, and the bucket from which on
     * at most {@link #MAX_CALLS} remain; never below a millionth of the trace's time span.
     */
    private double longCallThreshold(double span) {
        long sum = 0;
        int from = 64;
        while (from > 0 && sum + buckets[from - 1] <= MAX_CALLS) {
            from--;
            sum += buckets[from];
        }
        double bucketFloor = from == 0 ? 0 : (1L << from) / 1e9;
        return Math.max(bucketFloor, span / 1e6);
    }

    /** What a process ran before its first execve: its creator's program at the fork, or its pid. */
    private static String inherited(IntFunction<ProcessInfo> byId, ProcessInfo p) {
        if (p.parentId() >= 0) {
            String program = Programs.programAt(byId, byId.apply(p.parentId()), p.createdAtLine());
            if (program != null) {
                return program;
            }
        }
        return p.pid() >= 0 ? "pid " + p.pid() : "process";
    }

    static ProcessInfo owner(IntFunction<ProcessInfo> byId, ProcessInfo process) {
        ProcessInfo p = process;
        for (int depth = 0; p.isThread() && p.parentId() >= 0 && depth < 1024; depth++) {
            p = byId.apply(p.parentId());
        }
        return p;
    }
}
