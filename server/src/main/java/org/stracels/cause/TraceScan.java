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
 * and its threads), every failed call of each group (and every error hidden in a call that succeeded,
 * {@link HiddenErrors}), every write to stderr or a terminal, and every write to a log, syslog or the journal.
 *
 * <p>Where a write goes is read from its first argument and what {@link MessageFds} followed of fds in the same
 * pass: fd 2 (or a copy of it) unless {@code /dev/null} was put there or a -y decoration says so, any fd whose
 * decoration is a terminal, and log files and syslog sockets. A few calls' failures are not their own:
 * {@code rt_sigreturn = -1 EINTR} hands back the result of the call a signal interrupted; they are left out.
 */
final class TraceScan {
    static final Set<String> WRITES = Set.of("write", "writev", "pwrite64", "pwritev", "pwritev2", "send", "sendto",
            "sendmsg");
    /** Calls whose "-1" is not a failure of their own (they return what an interrupted call returned). */
    static final Set<String> NOT_OWN_FAILURE = Set.of("rt_sigreturn", "sigreturn");
    private static final int[] NO_LINES = new int[0];

    private final Trace trace;
    private final int[] groupOf;
    private final int[][] failures;
    private final int[] stderrWrites;
    private final String[] needles;
    private final int[][] failedChildren;
    /** Writes that read as log lines (to a log file, syslog, the journal), in line order, and where each went. */
    private final int[] logWrites;
    private final byte[] logKinds;
    private final String[] logNames;
    /** Writes to an fd 2 that is /dev/null, in line order. */
    private final int[] nullWrites;

    private TraceScan(Trace trace, int[] groupOf, int[][] failures, int[] stderrWrites, String[] needles,
            int[][] failedChildren, int[] logWrites, byte[] logKinds, String[] logNames, int[] nullWrites) {
        this.trace = trace;
        this.logWrites = logWrites;
        this.logKinds = logKinds;
        this.logNames = logNames;
        this.nullWrites = nullWrites;
        this.failedChildren = failedChildren;
        this.groupOf = groupOf;
        this.failures = failures;
        this.stderrWrites = stderrWrites;
        this.needles = needles;
    }

    static TraceScan of(Trace trace, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        int count = model.processes().size();
        int[] groupOf = new int[count];
        for (int id = 0; id < count; id++) {
            int g = id;
            for (int hops = 0; hops < count && model.isThread(g) && model.parentOf(g) >= 0; hops++) {
                g = model.parentOf(g);
            }
            groupOf[id] = g;
        }
        List<String> names = parsed.names();
        String[] needles = new String[names.size()];
        for (int id = 0; id < needles.length; id++) {
            needles[id] = WRITES.contains(names.get(id)) ? names.get(id) + "(" : null;
        }
        boolean[] tracked = new boolean[names.size()];
        boolean[] notOwn = new boolean[names.size()];
        boolean[] hides = new boolean[names.size()];
        for (int id = 0; id < tracked.length; id++) {
            tracked[id] = MessageFds.TRACKED.contains(names.get(id));
            notOwn[id] = NOT_OWN_FAILURE.contains(names.get(id));
            hides[id] = HiddenErrors.mayHide(names.get(id));
        }
        MessageFds fds = new MessageFds(parsed, model, groupOf);
        IntList[] failures = new IntList[count];
        IntList writes = new IntList();
        IntList logs = new IntList();
        IntList nulls = new IntList();
        java.util.ArrayList<Byte> logKinds = new java.util.ArrayList<>();
        java.util.ArrayList<String> logNames = new java.util.ArrayList<>();
        String text = parsed.text();
        for (int i = 0; i < parsed.lineCount(); i++) {
            cancel.checkEvery(i);
            int process = model.processOf(i);
            if (process < 0) {
                continue;
            }
            int name = parsed.nameId(i);
            fds.see(i, process, name >= 0 && tracked[name]);
            ReturnKind result = parsed.returnKind(i);
            if (result == ReturnKind.ERROR && !(name >= 0 && notOwn[name])
                    || name >= 0 && hides[name] && result != ReturnKind.ERROR && HiddenErrors.of(trace, i) != null) {
                int g = groupOf[process];
                if (failures[g] == null) {
                    failures[g] = new IntList();
                }
                failures[g].add(i);
            }
            if (name >= 0 && needles[name] != null && isEntry(parsed.kind(i))) {
                int g = groupOf[process];
                int start = parsed.lineStart(i);
                int end = parsed.lineEnd(i);
                int fd = fdOf(text, start, end, needles[name]);
                byte where = channel(text, start, end, needles[name], fd < 0 ? MessageFds.OTHER : fds.kindOf(g, fd));
                if (where == MessageFds.STDERR) {
                    writes.add(i);
                } else if (where == MessageFds.NULL) {
                    nulls.add(i);
                } else if (where != MessageFds.OTHER) {
                    logs.add(i);
                    logKinds.add(where);
                    logNames.add(where == MessageFds.LOG ? logName(text, start, end, needles[name], fds.nameOf(g, fd)) : null);
                }
            }
        }
        int[][] byGroup = new int[count][];
        for (int g = 0; g < byGroup.length; g++) {
            byGroup[g] = failures[g] == null ? NO_LINES : failures[g].toArray();
        }
        byte[] kinds = new byte[logKinds.size()];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = logKinds.get(k);
        }
        return new TraceScan(trace, groupOf, byGroup, writes.toArray(), needles, failedChildren(model, groupOf),
                logs.toArray(), kinds, logNames.toArray(new String[0]), nulls.toArray());
    }

    /** Per group: the processes it created that exited non-zero or were killed, in the order they ended. */
    private static int[][] failedChildren(TraceModel model, int[] groupOf) {
        IntList[] children = new IntList[groupOf.length];
        List<ProcessInfo> ended = model.activeProcesses().stream()
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

    /** The fd a write's first argument names, or -1. */
    private static int fdOf(String text, int start, int end, String needle) {
        int at = Text.find(text, needle, start, end);
        if (at < 0) {
            return -1;
        }
        int p = at + needle.length();
        int fd = 0;
        int digits = 0;
        while (p < end && Character.isDigit(text.charAt(p)) && digits < 9) {
            fd = fd * 10 + text.charAt(p++) - '0';
            digits++;
        }
        return digits == 0 ? -1 : fd;
    }

    /**
     * Where the write of the needle goes: its -y decoration when that names /dev/null, a terminal, a log or a
     * syslog socket; else what {@code tracked} (the kind {@link MessageFds} followed for its fd) says; a sendto
     * to {@code /dev/log} is syslog.
     */
    private static byte channel(String text, int start, int end, String needle, byte tracked) {
        int at = Text.find(text, needle, start, end);
        if (at < 0) {
            return MessageFds.OTHER;
        }
        byte decorated = MessageFds.decorated(text, at + needle.length(), end);
        if (decorated == MessageFds.NULL || decorated == MessageFds.STDERR) {
            return decorated;
        }
        if (tracked != MessageFds.OTHER) {
            return tracked;
        }
        if (decorated > 0) {
            return decorated;
        }
        int path = Text.find(text, "sun_path=\"", at, end);
        if (path >= 0) {
            return MessageFds.socketKind(text, path + "sun_path=\"".length(), end);
        }
        return MessageFds.OTHER;
    }

    /** The path of the log a write goes to: its -y decoration, else what the tracking knew. */
    private static String logName(String text, int start, int end, String needle, String known) {
        int at = Text.find(text, needle, start, end) + needle.length();
        while (at < end && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at < end && text.charAt(at) == '<') {
            int close = Text.find(text, '>', at, end);
            if (close > at) {
                return text.substring(at + 1, close);
            }
        }
        return known;
    }

    /** Whether line {@code i} is a write (entry half) to an fd 2 that is /dev/null: nobody reads it. */
    boolean isWriteToNull(int i) {
        return java.util.Arrays.binarySearch(nullWrites, i) >= 0;
    }

    /** Whether line {@code i} is a write (entry half) to stderr or a terminal. */
    boolean isStderrWrite(int i) {
        return java.util.Arrays.binarySearch(stderrWrites, i) >= 0;
    }

    /** Whether line {@code i} is a write to a log file, syslog or the journal. */
    boolean isLogWrite(int i) {
        return java.util.Arrays.binarySearch(logWrites, i) >= 0;
    }

    /** Writes to log files, syslog or the journal, in line order. */
    int[] logWrites() {
        return logWrites;
    }

    /** Where log write number {@code k} went, in words: {@code the log file /var/log/x.log}, {@code syslog}. */
    String logChannel(int k) {
        return switch (logKinds[k]) {
            case MessageFds.SYSLOG -> "syslog (/dev/log)";
            case MessageFds.JOURNAL -> "the journal";
            default -> logNames[k] != null ? "the log file " + logNames[k] : "a log file";
        };
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

    /** Whether the failure on line {@code i} is an error hidden in a call that succeeded. */
    boolean isHidden(int i) {
        return trace.parsed().returnKind(i) != ReturnKind.ERROR;
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
