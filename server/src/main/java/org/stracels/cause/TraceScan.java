package org.stracels.cause;

import org.stracels.analysis.IntList;
import java.util.List;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * One pass over the index, reading no line in full: which process group each process belongs to (a process
 * and its threads), every failed call of each group, and every write to stderr or a terminal.
 *
 * <p>Whether a write goes to stderr is read from its first argument: fd 2, unless a -y decoration says
 * {@code /dev/null}, or any fd whose decoration is a terminal. The fd model would know more (an fd 2 that a
 * dup2 redirected), but diagnostics never pay for building it; a program's writes to its fd 2 are what it
 * says to whoever reads its errors, wherever that fd leads.
 */
final class TraceScan {
    static final Set<String> WRITES = Set.of("write", "writev", "pwrite64", "pwritev", "pwritev2");

    private final Trace trace;
    private final int[] groupOf;
    private final int[][] failures;
    private final int[] stderrWrites;
    private final String[] needles;
    private final int[][] failedChildren;

    private TraceScan(Trace trace, int[] groupOf, int[][] failures, int[] stderrWrites, String[] needles,
            int[][] failedChildren) {
        this.trace = trace;
        this.failedChildren = failedChildren;
        this.groupOf = groupOf;
        this.failures = failures;
        this.stderrWrites = stderrWrites;
        this.needles = needles;
    }

    static TraceScan of(Trace trace, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        List<ProcessInfo> processes = model.processes();
        int[] groupOf = new int[processes.size()];
        for (ProcessInfo p : processes) {
            int g = p.id();
            for (int hops = 0; hops < processes.size() && model.process(g).isThread() && model.process(g).parentId() >= 0; hops++) {
                g = model.process(g).parentId();
            }
            groupOf[p.id()] = g;
        }
        List<String> names = parsed.names();
        String[] needles = new String[names.size()];
        for (int id = 0; id < needles.length; id++) {
            needles[id] = WRITES.contains(names.get(id)) ? names.get(id) + "(" : null;
        }
        IntList[] failures = new IntList[processes.size()];
        IntList writes = new IntList();
        String text = parsed.text();
        for (int i = 0; i < parsed.lineCount(); i++) {
            cancel.checkEvery(i);
            int process = model.processOf(i);
            if (process < 0) {
                continue;
            }
            if (parsed.returnKind(i) == ReturnKind.ERROR) {
                int g = groupOf[process];
                if (failures[g] == null) {
                    failures[g] = new IntList();
                }
                failures[g].add(i);
            }
            int name = parsed.nameId(i);
            if (name >= 0 && needles[name] != null && isEntry(parsed.kind(i))
                    && toStderr(text, parsed.lineStart(i), parsed.lineEnd(i), needles[name])) {
                writes.add(i);
            }
        }
        int[][] byGroup = new int[processes.size()][];
        for (int g = 0; g < byGroup.length; g++) {
            byGroup[g] = failures[g] == null ? new int[0] : failures[g].toArray();
        }
        return new TraceScan(trace, groupOf, byGroup, writes.toArray(), needles, failedChildren(model, groupOf));
    }

    /** Per group: the processes it created that exited non-zero or were killed, in the order they ended. */
    private static int[][] failedChildren(TraceModel model, int[] groupOf) {
        IntList[] children = new IntList[groupOf.length];
        List<ProcessInfo> ended = model.processes().stream()
                .filter(p -> !p.isThread() && p.parentId() >= 0 && p.endLine() >= 0 && failed(p))
                .sorted(java.util.Comparator.comparingInt(ProcessInfo::endLine)).toList();
        for (ProcessInfo p : ended) {
            int g = groupOf[p.parentId()];
            if (children[g] == null) {
                children[g] = new IntList();
            }
            children[g].add(p.id());
        }
        int[][] result = new int[groupOf.length][];
        for (int g = 0; g < result.length; g++) {
            result[g] = children[g] == null ? new int[0] : children[g].toArray();
        }
        return result;
    }

    /** Lines that hold a call's first argument. */
    static boolean isEntry(LineKind kind) {
        return kind == LineKind.SYSCALL || kind == LineKind.UNFINISHED || kind == LineKind.PARTIAL;
    }

    /** Whether the call whose name ends the needle {@code write(} writes to stderr or to a terminal. */
    static boolean toStderr(String text, int start, int end, String needle) {
        return target(text, start, end, needle) == STDERR;
    }

    private static final int OTHER = 0;
    private static final int STDERR = 1;
    private static final int NULL = 2;

    /** Where the write of the needle goes: {@link #STDERR} (or a terminal), {@link #NULL} (-y says /dev/null), else OTHER. */
    private static int target(String text, int start, int end, String needle) {
        int at = text.indexOf(needle, start);
        if (at < 0 || at >= end) {
            return OTHER;
        }
        int p = at + needle.length();
        int fd = 0;
        int digits = 0;
        while (p < end && Character.isDigit(text.charAt(p)) && digits < 9) {
            fd = fd * 10 + text.charAt(p++) - '0';
            digits++;
        }
        if (digits == 0) {
            return OTHER;
        }
        boolean decorated = p < end && text.charAt(p) == '<';
        if (decorated && text.startsWith("/dev/null", p + 1)) {
            return NULL;
        }
        return fd == 2 || decorated && (text.startsWith("/dev/pts/", p + 1) || text.startsWith("/dev/tty", p + 1)
                || text.startsWith("/dev/console", p + 1)) ? STDERR : OTHER;
    }

    /** Whether line {@code i} is a write (entry half) that -y shows going to /dev/null: nobody reads it. */
    boolean isWriteToNull(int i) {
        ParsedTrace parsed = trace.parsed();
        int name = parsed.nameId(i);
        return name >= 0 && needles[name] != null
                && target(parsed.text(), parsed.lineStart(i), parsed.lineEnd(i), needles[name]) == NULL;
    }

    /** Whether line {@code i} is a write (entry half) to stderr or a terminal. */
    boolean isStderrWrite(int i) {
        ParsedTrace parsed = trace.parsed();
        int name = parsed.nameId(i);
        return name >= 0 && needles[name] != null && isEntry(parsed.kind(i))
                && toStderr(parsed.text(), parsed.lineStart(i), parsed.lineEnd(i), needles[name]);
    }

    /** Whether line {@code i} is a write of any kind (entry half). */
    boolean isWrite(int i) {
        int name = trace.parsed().nameId(i);
        return name >= 0 && needles[name] != null && isEntry(trace.parsed().kind(i));
    }

    Trace trace() {
        return trace;
    }

    /** The process a process's threads belong to: itself for a process, its creator chain's process for a thread. */
    int groupOf(int processId) {
        return groupOf[processId];
    }

    /** The group of line {@code i}, or -1 for lines of no process. */
    int groupOfLine(int i) {
        int p = trace.model().processOf(i);
        return p < 0 ? -1 : groupOf[p];
    }

    /** The lines of the failed calls of group {@code g}, in order. */
    int[] failures(int g) {
        return failures[g];
    }

    /** Processes created by group {@code g} that exited non-zero or were killed, in the order they ended. */
    int[] failedChildren(int g) {
        return failedChildren[g];
    }

    /** Writes to stderr or a terminal, in line order. */
    int[] stderrWrites() {
        return stderrWrites;
    }

    /** Exited non-zero or killed by a signal. */
    static boolean failed(ProcessInfo p) {
        return p.ending() == ProcessInfo.Ending.KILLED
                || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0;
    }
}
