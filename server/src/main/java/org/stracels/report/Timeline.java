package org.stracels.report;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.FailedCalls;
import org.stracels.check.FindingClass;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * What the report's timeline draws, as compact JSON for its script: one row per process or thread, a span per
 * execve segment, marks for failed calls, signals, kills and failing exits, long calls (with {@code -T}),
 * lines from a clone to the child's row and from a child's exit to the wait that reaped it. Made in one pass
 * over the index; lines are read again only where their text matters (failures whose verdict needs a path,
 * wait results, kill targets). Marks and long calls are capped, so that a huge trace makes a report of bounded
 * size; the script aggregates what falls on one pixel.
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
    /** Exits whose causes are ranked for the hover (each ranking is one more pass over the index). */
    static final int MAX_EXIT_CAUSES = 20;

    private final Trace trace;
    private final TimeAxis axis;
    private final CauseAnalysis causes;

    private Timeline(Trace trace, TimeAxis axis, CauseAnalysis causes) {
        this.trace = trace;
        this.axis = axis;
        this.causes = causes;
    }

    /** Writes the timeline's data as one JSON object. */
    static void write(Trace trace, TimeAxis axis, CauseAnalysis causes, String fileName, JsonWriter w) throws IOException {
        new Timeline(trace, axis, causes).write(fileName, w);
    }

    private void write(String fileName, JsonWriter w) throws IOException {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        int n = parsed.lineCount();
        List<ProcessInfo> processes = model.processes();
        Map<String, Integer> names = new LinkedHashMap<>();
        Map<String, Integer> errnos = new LinkedHashMap<>();

        w.beginObject();
        w.name("file").value(fileName);
        w.name("lines").value(n);
        w.name("time").value(axis.time);
        w.name("axis").value(axis.describe());
        w.name("options").value(String.join(" ", model.options().flags()));
        w.name("pidForm").value(model.options().pidForm().name());
        w.name("xUnit").value(axis.time ? 1e-9 : 1); // x values are integers: ns, or line numbers
        double end = n == 0 ? 0 : axis.x(n - 1);

        // rows: one per process or thread, threads after their process
        w.name("rows").beginArray();
        for (ProcessInfo p : processes) {
            ProcessInfo owner = owner(model, p);
            w.beginObject();
            w.name("pid").value(p.pid());
            w.name("thread").value(p.isThread());
            w.name("owner").value(owner == p ? -1 : owner.id());
            w.name("parent").value(p.parentId());
            w.name("first").value(p.firstLine() + 1);
            w.name("last").value(Math.max(p.lastLine(), p.endLine()) + 1);
            w.name("x0").value(p.firstLine() >= 0 ? units(axis.x(p.firstLine())) : 0);
            w.name("x1").value(units(p.endLine() >= 0 ? axis.x(p.endLine()) : p.lastLine() >= 0 ? axis.x(p.lastLine()) : end));
            w.name("ending").value(p.endingText());
            w.name("failed").value(p.ending() == ProcessInfo.Ending.KILLED
                    || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0);
            String program = Programs.program(trace, p);
            w.name("program").value(program == null ? "" : program);
            w.endObject();
        }
        w.endArray();

        // spans: the execve segments of each process (before its first execve: what its parent ran)
        w.name("spans").beginArray();
        for (ProcessInfo p : processes) {
            if (p.firstLine() < 0) {
                continue;
            }
            double stop = p.endLine() >= 0 ? axis.x(p.endLine()) : axis.x(Math.max(p.lastLine(), p.firstLine()));
            int from = p.firstLine();
            String label = p.isThread() ? "thread" : inherited(model, p);
            String argv = "";
            for (ProcessInfo.Exec e : p.execs()) {
                int entry = entryOf(model, e.line());
                if (entry > from) {
                    span(w, p.id(), axis.x(from), axis.x(entry), from, label, argv);
                }
                from = entry;
                label = e.path();
                argv = Programs.commandLine(trace, e);
            }
            span(w, p.id(), axis.x(from), stop, from, label, argv);
        }
        w.endArray();

        // marks, long calls, wait links: one pass over the index
        Marks marks = new Marks(this);
        double threshold = axis.time ? longCallThreshold(parsed) : Double.POSITIVE_INFINITY;
        List<double[]> calls = new ArrayList<>();
        List<double[]> waits = new ArrayList<>();
        Map<Integer, List<ProcessInfo>> byPid = new HashMap<>();
        for (ProcessInfo p : processes) {
            byPid.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(p);
        }
        int kept = 0;
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            LineKind kind = parsed.kind(i);
            int process = model.processOf(i);
            if (process < 0) {
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
                    name = id(names, parsed.name(i));
                }
                case KILLED -> {
                    mark = KILLED;
                    name = id(names, parsed.name(i));
                }
                case EXITED -> {
                    ProcessInfo p = model.process(process);
                    mark = p.exitStatus() != 0 ? NONZERO_EXIT : EXIT;
                }
                default -> {
                }
            }
            if (mark < 0 && kind.isSyscall() && parsed.name(i) != null) {
                String syscall = parsed.name(i);
                if (result == ReturnKind.ERROR) {
                    FindingClass c = FailedCalls.classify(parsed, model, i);
                    mark = c == FindingClass.NOISE ? ROUTINE : FAILED;
                    name = id(names, syscall);
                    errno = id(errnos, parsed.errno(i) == null ? "?" : parsed.errno(i));
                    if (mark == ROUTINE) {
                        String path = FailedCalls.path(parsed, FailedCalls.entryLine(parsed, model, i), syscall);
                        note = DiagnosticPolicy.routineReason(syscall, parsed.errno(i), path);
                    }
                } else if (isKill(syscall) && result == ReturnKind.VALUE) {
                    mark = KILL_CALL;
                    name = id(names, syscall);
                } else if (isWait(syscall) && result == ReturnKind.VALUE) {
                    int child = waitedChild(parsed, byPid, i);
                    if (child >= 0) {
                        ProcessInfo c = model.process(child);
                        waits.add(new double[] {child, axis.x(c.endLine()), process, axis.x(i), i + 1});
                    }
                }
                long nanos = parsed.durationNanos(i);
                if (nanos >= 0 && nanos / 1e9 >= threshold && calls.size() < MAX_CALLS && isCallEnd(kind)) {
                    int entry = entryOf(model, i);
                    calls.add(new double[] {process, axis.x(entry), nanos / 1e9, i + 1, id(names, syscall)});
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
            marks.add(process, axis.x(i), i + 1, mark, name, errno, note);
        }

        w.name("names").beginArray();
        for (String s : names.keySet()) {
            w.value(s);
        }
        w.endArray();
        w.name("errnos").beginArray();
        for (String s : errnos.keySet()) {
            w.value(s);
        }
        w.endArray();
        marks.write(w);
        w.name("marksDropped").value(dropped);

        w.name("calls").beginArray(); // [row, x, duration s, line, name]
        for (double[] c : calls) {
            w.beginArray().value((int) c[0]).value(units(c[1])).value(units(c[2])).value((int) c[3]).value((int) c[4]).endArray();
        }
        w.endArray();
        w.name("callThreshold").value(Double.isInfinite(threshold) ? -1 : units(threshold));

        // links: clone → child's first line; child's exit → the wait that reaped it
        w.name("links").beginArray(); // [kind 0 clone / 1 wait, from row, from x, to row, to x, line]
        for (ProcessInfo p : processes) {
            if (p.parentId() >= 0 && p.createdAtLine() >= 0 && p.firstLine() >= 0) {
                w.beginArray().value(0).value(p.parentId()).value(units(axis.x(p.createdAtLine()))).value(p.id())
                        .value(units(axis.x(p.firstLine()))).value(p.createdAtLine() + 1).endArray();
            }
        }
        for (double[] l : waits) {
            w.beginArray().value(1).value((int) l[0]).value(units(l[1])).value((int) l[2]).value(units(l[3])).value((int) l[4]).endArray();
        }
        w.endArray();

        writeCauses(w);
        w.endObject();
    }

    /** x as the JSON carries it: integer nanoseconds on a time axis (shorter than decimals), else the line number. */
    private long units(double x) {
        return axis.time ? Math.round(x * 1e9) : Math.round(x);
    }

    /** The likely causes, by the line of the mark they explain: failed calls that caused something, failing exits. */
    private void writeCauses(JsonWriter w) throws IOException {
        Map<Integer, StringBuilder> byLine = new LinkedHashMap<>();
        TraceModel model = trace.model();
        for (Report r : causes.reports()) {
            List<Cause> list = r.causes();
            for (int k = 0; k < Math.min(3, list.size()); k++) {
                Cause c = list.get(k);
                append(byLine, c.line(), "likely cause " + (k + 1) + " (score " + c.score() + ") of the message “"
                        + r.excerpt(80) + "” on line " + (r.line() + 1) + ": " + c.why());
            }
        }
        int ranked = 0;
        for (ProcessInfo p : model.processes()) {
            boolean failed = p.ending() == ProcessInfo.Ending.KILLED
                    || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0;
            if (!failed || p.endLine() < 0 || ranked >= MAX_EXIT_CAUSES) {
                continue;
            }
            ranked++;
            List<Cause> list = causes.causesOfExit(trace, p.endLine());
            if (list.isEmpty()) {
                append(byLine, p.endLine(), "no call of this process failed before it");
            }
            for (int k = 0; k < Math.min(3, list.size()); k++) {
                Cause c = list.get(k);
                append(byLine, p.endLine(), "likely cause " + (k + 1) + ": line " + (c.line() + 1) + " " + c.call()
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

    private void span(JsonWriter w, int row, double x0, double x1, int line, String label, String argv)
            throws IOException {
        w.beginArray().value(row).value(units(x0)).value(units(Math.max(x0, x1))).value(line + 1).value(label).value(argv).endArray();
    }

    /** Marks as parallel arrays: row, x, line, kind, name, errno, and the routine reason of routine failures. */
    private static final class Marks {
        final List<Object[]> list = new ArrayList<>();
        final Timeline timeline;

        Marks(Timeline timeline) {
            this.timeline = timeline;
        }

        void add(int row, double x, int line, int kind, int name, int errno, String note) {
            list.add(new Object[] {row, x, line, kind, name, errno, note});
        }

        void write(JsonWriter w) throws IOException {
            w.name("marks").beginArray();
            for (Object[] m : list) {
                w.beginArray();
                w.value((int) m[0]).value(timeline.units((double) m[1])).value((int) m[2]).value((int) m[3]).value((int) m[4])
                        .value((int) m[5]);
                if (m[6] != null) {
                    w.value((String) m[6]);
                }
                w.endArray();
            }
            w.endArray();
        }
    }

    private static int id(Map<String, Integer> table, String s) {
        return table.computeIfAbsent(s == null ? "?" : s, k -> table.size());
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

    private static int entryOf(TraceModel model, int line) {
        int partner = model.partner(line);
        return partner >= 0 && partner < line ? partner : line;
    }

    /** The process a wait4/waitpid on line {@code i} reaped: the latest one with the returned pid that had ended. */
    private static int waitedChild(ParsedTrace parsed, Map<Integer, List<ProcessInfo>> byPid, int i) {
        ParsedLine line = parsed.line(i);
        if (!line.returnValueSpan().isPresent() || "waitid".equals(line.name())) {
            return -1;
        }
        int pid;
        try {
            pid = Integer.parseInt(line.returnValueSpan().text(parsed.text()));
        } catch (NumberFormatException e) {
            return -1;
        }
        List<ProcessInfo> candidates = byPid.get(pid);
        if (candidates == null || pid <= 0) {
            return -1;
        }
        ProcessInfo best = null;
        for (ProcessInfo p : candidates) {
            if (!p.isThread() && p.endLine() >= 0 && p.endLine() <= i) {
                best = p;
            }
        }
        return best == null ? -1 : best.id();
    }

    /**
     * The shortest duration drawn as a bar: the durations of all calls in log buckets, and the bucket from which on
     * at most {@link #MAX_CALLS} remain; never below a millionth of the trace's time span.
     */
    private double longCallThreshold(ParsedTrace parsed) {
        int[] buckets = new int[64];
        int n = parsed.lineCount();
        for (int i = 0; i < n; i++) {
            long d = parsed.durationNanos(i);
            if (d > 0) {
                buckets[63 - Long.numberOfLeadingZeros(d)]++;
            }
        }
        int sum = 0;
        int from = 64;
        while (from > 0 && sum + buckets[from - 1] <= MAX_CALLS) {
            from--;
            sum += buckets[from];
        }
        double bucketFloor = from == 0 ? 0 : (1L << from) / 1e9;
        double span = n == 0 ? 0 : axis.x(n - 1);
        return Math.max(bucketFloor, span / 1e6);
    }

    /** What a process ran before its first execve: its creator's program at the fork, or its pid. */
    private String inherited(TraceModel model, ProcessInfo p) {
        if (p.parentId() >= 0) {
            String program = Programs.programAt(trace, model.process(p.parentId()), p.createdAtLine());
            if (program != null) {
                return program;
            }
        }
        return p.pid() >= 0 ? "pid " + p.pid() : "process";
    }

    static ProcessInfo owner(TraceModel model, ProcessInfo process) {
        ProcessInfo p = process;
        for (int depth = 0; p.isThread() && p.parentId() >= 0 && depth < 1024; depth++) {
            p = model.process(p.parentId());
        }
        return p;
    }
}
