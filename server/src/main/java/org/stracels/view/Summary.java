package org.stracels.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Timestamps;
import org.stracels.stream.TraceSource;
import org.stracels.stream.TraceWindow;
import org.stracels.stream.WindowScanner;
import org.stracels.structure.Programs;

/**
 * One readable page about a whole trace, made in one pass over its windows: the options that made it, the process
 * tree (program, arguments, how each ended, how long it ran), each failed process with its ranked causes (as
 * {@code check --explain}), failed calls by errno, the slowest calls and the syscall table. Every item names its
 * line in the original file, and {@link Page#links()} says where.
 */
public final class Summary {
    /** Items per list; a big trace's page stays readable and small. */
    static final int MAX_PROCESSES = 400;
    static final int MAX_FAILED = 50;
    static final int SLOWEST = 15;
    static final int CAUSES = 3;

    /** A link from columns {@code start}..{@code end} of {@code line} of the page to line {@code target} of the trace. */
    public record Link(int line, int start, int end, int target) { }

    /** The page: a title, its text, its links. */
    public record Page(String title, String text, List<Link> links) { }

    private record Slow(long nanos, int line, String call) { }

    private record Failure(int processId, int line, String what, List<Cause> causes, List<Integer> causeLines) { }

    private final TraceStats.Counter counter = new TraceStats.Counter();
    /**
     * Per process id, the file's line of the entry of its last successful execve, or -1: 4 bytes a process. The
     * command lines and run times of the few processes the page shows are read from their lines at the end.
     */
    private int[] lastExec = new int[1024];
    /** What the page shows of each process in the tree: command line and run time, by process id. */
    private final Map<Integer, String> commands = new HashMap<>();
    private final Map<Integer, String> durations = new HashMap<>();
    private final Map<String, Integer> firstByErrno = new HashMap<>();
    private final PriorityQueue<Slow> slowest = new PriorityQueue<>((a, b) -> Long.compare(a.nanos, b.nanos));
    private final List<Failure> reports = new ArrayList<>();
    private final List<Failure> exits = new ArrayList<>();
    private final Set<Integer> said = new HashSet<>();

    private Summary() {
    }

    public static Page of(TraceSource source, CancelCheck cancel, WindowScanner.Progress progress) throws Exception {
        Summary s = new Summary();
        java.util.Arrays.fill(s.lastExec, -1);
        WindowScanner.Result result = source.scan(cancel, progress, w -> s.add(w, cancel));
        TraceStats stats = s.counter.finish(result.finalState().processes(), result.lines());
        List<int[]> tree = tree(stats.processes);
        s.readShown(source, stats.processes, tree, cancel);
        return new Writer(s, stats, tree, source.name(), result.notice()).page();
    }

    /**
     * The processes the page shows, depth first from the roots (an explicit stack: a deep tree never overflows the
     * call stack), at most {@link #MAX_PROCESSES}: {id, depth} each.
     */
    private static List<int[]> tree(List<ProcessInfo> processes) {
        Map<Integer, List<ProcessInfo>> children = new HashMap<>();
        List<ProcessInfo> roots = new ArrayList<>();
        for (ProcessInfo p : processes) {
            if (p.parentId() >= 0 && p.parentId() != p.id() && p.parentId() < processes.size()) {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        List<int[]> shown = new ArrayList<>();
        ArrayList<int[]> stack = new ArrayList<>();
        for (int k = roots.size() - 1; k >= 0; k--) {
            stack.add(new int[] {roots.get(k).id(), 1});
        }
        Set<Integer> seen = new HashSet<>();
        while (!stack.isEmpty() && shown.size() < MAX_PROCESSES) {
            int[] top = stack.remove(stack.size() - 1);
            if (!seen.add(top[0])) {
                continue;
            }
            shown.add(top);
            List<ProcessInfo> kids = children.getOrDefault(top[0], List.of());
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.add(new int[] {kids.get(k).id(), top[1] + 1});
            }
        }
        return shown;
    }

    /**
     * Reads the lines the shown processes need (their last execve's entry, their first and last line) in a second
     * pass over the source, and makes their command lines and run times from them.
     */
    private void readShown(TraceSource source, List<ProcessInfo> processes, List<int[]> tree, CancelCheck cancel)
            throws Exception {
        java.util.BitSet wanted = new java.util.BitSet();
        for (int[] t : tree) {
            ProcessInfo p = processes.get(t[0]);
            for (int line : new int[] {execLine(p.id()), p.firstLine(), p.endLine()}) {
                if (line >= 0) {
                    wanted.set(line);
                }
            }
        }
        Map<Integer, String> text = new HashMap<>();
        source.lines(wanted, cancel, (line, chars) -> {
            text.put(line, chars.toString());
            return true;
        });
        for (int[] t : tree) {
            ProcessInfo p = processes.get(t[0]);
            String exec = text.get(execLine(p.id()));
            if (exec != null && !p.execs().isEmpty()) {
                String path = p.execs().get(p.execs().size() - 1).path();
                commands.put(p.id(), Programs.commandLine(Trace.of(exec), new ProcessInfo.Exec(0, path)));
            }
            double ran = ran(text.get(p.firstLine()), text.get(p.endLine()));
            if (!Double.isNaN(ran)) {
                durations.put(p.id(), String.format(Locale.ROOT, ", ran %.3f s", ran));
            }
        }
    }

    private int execLine(int id) {
        return id < lastExec.length ? lastExec[id] : -1;
    }

    private void add(TraceWindow window, CancelCheck cancel) {
        counter.add(window);
        Trace trace = window.trace();
        ParsedTrace parsed = trace.parsed();
        for (int i = window.from(); i < window.to(); i++) {
            if ((i & 0xfff) == 0) {
                cancel.checkCanceled();
            }
            long d = parsed.durationNanos(i);
            if (d >= 0 && (slowest.size() < SLOWEST || d > slowest.peek().nanos())) {
                slowest.add(new Slow(d, window.global(i), excerpt(parsed, i)));
                if (slowest.size() > SLOWEST) {
                    slowest.poll();
                }
            }
            if (parsed.returnKind(i) == ReturnKind.ERROR && parsed.errno(i) != null) {
                firstByErrno.putIfAbsent(parsed.errno(i), window.global(i));
            }
        }
        for (ProcessInfo p : trace.model().activeProcesses()) {
            for (ProcessInfo.Exec e : p.execs()) {
                if (window.owns(e.line())) {
                    int entry = trace.model().entryOf(e.line());
                    if (p.id() >= lastExec.length) {
                        int old = lastExec.length;
                        lastExec = java.util.Arrays.copyOf(lastExec, Math.max(p.id() + 1, old * 2));
                        java.util.Arrays.fill(lastExec, old, lastExec.length, -1);
                    }
                    lastExec[p.id()] = window.global(entry);
                }
            }
        }
        CauseAnalysis analysis = Causes.of(trace, cancel);
        for (Report r : analysis.reports()) {
            if (window.owns(r.line()) && reports.size() < MAX_FAILED) {
                said.add(r.processId());
                reports.add(failure(trace, r.processId(), r.line(), "reported “" + r.excerpt(100) + "”", r.causes()));
            } else if (window.owns(r.line())) {
                said.add(r.processId());
            }
        }
        for (ProcessInfo p : trace.model().activeProcesses()) {
            if (window.owns(p.endLine()) && exits.size() < MAX_FAILED) {
                List<Cause> causes = analysis.causesOfExit(trace, p.endLine());
                if (!causes.isEmpty()) {
                    exits.add(failure(trace, p.id(), p.endLine(), p.endingText(), causes));
                }
            }
        }
    }

    private static Failure failure(Trace trace, int processId, int line, String what, List<Cause> causes) {
        List<Cause> top = causes.subList(0, Math.min(CAUSES, causes.size()));
        List<Integer> lines = new ArrayList<>();
        top.forEach(c -> lines.add(trace.lineNumber(c.line()) - 1));
        return new Failure(processId, trace.lineNumber(line) - 1, what, List.copyOf(top), lines);
    }

    private static String excerpt(ParsedTrace parsed, int i) {
        int start = parsed.lineStart(i);
        int end = Math.min(parsed.lineEnd(i), start + 100);
        return parsed.text().substring(start, end) + (end < parsed.lineEnd(i) ? "…" : "");
    }

    /** The time of day or epoch seconds a line starts with, or NaN. */
    /** Seconds from the time of the line {@code first} to that of {@code last}; NaN without both (midnight counted). */
    private static double ran(String first, String last) {
        if (first == null || last == null) {
            return Double.NaN;
        }
        ParsedLine a = org.stracels.parse.LineParser.parse(first, 0, first.length());
        ParsedLine b = org.stracels.parse.LineParser.parse(last, 0, last.length());
        if (!a.kind().hasPrefix() || !b.kind().hasPrefix() || !a.absoluteTimeSpan().isPresent()) {
            return Double.NaN;
        }
        return Timestamps.elapsed(Timestamps.of(a, first), Timestamps.of(b, last),
                Timestamps.isClock(a.absoluteTimeSpan().text(first)));
    }

    /** Lays the page out and records where each line number is. */
    private static final class Writer {
        private final Summary s;
        private final TraceStats stats;
        private final List<int[]> tree;
        private final String name;
        private final String notice;
        private final StringBuilder b = new StringBuilder();
        private final List<Link> links = new ArrayList<>();
        private int lineNo;

        Writer(Summary s, TraceStats stats, List<int[]> tree, String name, String notice) {
            this.s = s;
            this.stats = stats;
            this.tree = tree;
            this.name = name;
            this.notice = notice;
        }

        Page page() {
            line("Summary of " + name + ": " + String.format(Locale.ROOT, "%,d", stats.lines) + " lines, "
                    + stats.processes.size() + " processes and threads, " + String.format(Locale.ROOT, "%,d", stats.totalCalls)
                    + " calls, " + String.format(Locale.ROOT, "%,d", stats.totalErrors) + " failed");
            line("made with: strace " + (stats.options.flags().isEmpty() ? "(no options visible)" : String.join(" ", stats.options.flags())));
            if (notice != null) {
                line("note: " + notice);
            }
            processes();
            failures();
            errnos();
            slowest();
            syscalls();
            return new Page("Summary of " + name, b.toString(), List.copyOf(links));
        }

        private void processes() {
            line("");
            line("Processes (" + stats.processes.size() + ")");
            for (int[] t : tree) {
                ProcessInfo p = stats.processes.get(t[0]);
                int target = p.createdAtLine() >= 0 ? p.createdAtLine() : p.firstLine();
                String indent = "  ".repeat(Math.min(t[1], 40));
                String who = (p.pid() >= 0 ? "pid " + p.pid() : "the process") + (p.isThread() ? " (thread)" : "");
                String cmd = s.commands.get(p.id());
                String took = s.durations.getOrDefault(p.id(), "");
                withLink(indent + who + (cmd != null ? "  " + cmd : "") + " — " + p.endingText() + took, target);
            }
            if (stats.processes.size() > tree.size()) {
                line("  … " + (stats.processes.size() - tree.size()) + " more (a view of one process tree shows them all)");
            }
        }

        private void failures() {
            List<Failure> all = new ArrayList<>(s.reports);
            for (Failure f : s.exits) {
                if (!s.said.contains(f.processId())) {
                    all.add(f);
                }
            }
            line("");
            line("Failures and their likely causes (" + all.size() + ")");
            if (all.isEmpty()) {
                line("  none: no program reported an error, and none failed");
            }
            for (Failure f : all) {
                ProcessInfo p = f.processId() < stats.processes.size() ? stats.processes.get(f.processId()) : null;
                String who = p == null || p.pid() < 0 ? "the process" : "pid " + p.pid();
                withLink("  " + who + " " + f.what(), f.line());
                for (int k = 0; k < f.causes().size(); k++) {
                    Cause c = f.causes().get(k);
                    withLink("    " + (k + 1) + ". " + c.call() + "  [score " + c.score() + "] — " + c.why(), f.causeLines().get(k));
                }
            }
        }

        private void errnos() {
            line("");
            line("Failed calls by errno");
            if (stats.failedCalls.isEmpty()) {
                line("  none");
            }
            for (Map.Entry<String, Integer> e : stats.failedCalls) {
                Integer first = s.firstByErrno.get(e.getKey());
                String text = String.format(Locale.ROOT, "  %-14s %,9d", e.getKey(), e.getValue());
                if (first != null) {
                    withLink(text + "   first", first);
                } else {
                    line(text);
                }
            }
        }

        private void slowest() {
            line("");
            List<Slow> slow = new ArrayList<>(s.slowest);
            slow.sort((a, b2) -> Long.compare(b2.nanos(), a.nanos()));
            line("Slowest calls" + (stats.timed ? "" : " (none: the trace was made without -T)"));
            for (Slow c : slow) {
                withLink(String.format(Locale.ROOT, "  %10.6f s  %s", c.nanos() / 1e9, c.call()), c.line());
            }
        }

        private void syscalls() {
            line("");
            line("Syscalls (" + stats.syscalls.size() + ")");
            line(String.format(Locale.ROOT, "  %-20s %12s %10s %12s", "syscall", "calls", "failed", stats.timed ? "seconds" : ""));
            for (TraceStats.Syscall c : stats.syscalls) {
                line(String.format(Locale.ROOT, "  %-20s %,12d %,10d %12s", c.name, c.calls, c.errors,
                        stats.timed ? String.format(Locale.ROOT, "%.6f", c.nanos / 1e9) : ""));
            }
        }

        /** A line ending in "line N" that links to 0-based line {@code target}. */
        private void withLink(String text, int target) {
            if (target < 0) {
                line(text);
                return;
            }
            String one = text.replace('\n', ' ').replace('\r', ' ');
            String at = "line " + (target + 1);
            int start = one.length() + 3;
            links.add(new Link(lineNo, start, start + at.length(), target));
            line(one + " — " + at);
        }

        private void line(String text) {
            b.append(text.replace('\n', ' ').replace('\r', ' ')).append('\n');
            lineNo++;
        }
    }
}
