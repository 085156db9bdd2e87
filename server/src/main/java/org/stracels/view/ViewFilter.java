package org.stracels.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.stracels.parse.Timestamps;

/**
 * Which lines of a trace a view keeps: every filter given must hold (AND). Lines are the file's, 0-based;
 * {@code toLine} is inclusive. Built by the CLI from options and by the server from a command's argument, and
 * checked once ({@link #check}) so that both say the same thing about a bad one.
 *
 * @param pids     processes (each with its threads); empty: any
 * @param tree     with {@code pids}: also every descendant
 * @param failed   failed calls, kills, non-zero exits, calls that never returned
 * @param noise    with {@code failed}: routine failures too
 * @param syscalls syscall names; empty: any
 * @param classes  syscall classes ({@link SyscallClasses#NAMES}); empty: any
 * @param path     a substring of a quoted argument or of an fd's {@code <…>} decoration; null: any
 * @param fd       one fd instance: its life, in every process that shares it; null: any
 * @param fromLine first line, or -1
 * @param toLine   last line (inclusive), or -1
 * @param fromTime first timestamp as the trace prints it (or seconds), or null
 * @param toTime   last timestamp, or null
 * @param context  lines of the same process kept before and after each chosen line
 */
public record ViewFilter(List<Integer> pids, boolean tree, boolean failed, boolean noise, Set<String> syscalls,
        Set<String> classes, String path, FdRef fd, int fromLine, int toLine, String fromTime, String toTime,
        int context) {

    /** An fd instance: number {@code fd} as process {@code pid} held it on 0-based line {@code line}. */
    public record FdRef(int pid, int fd, int line) { }

    /** Keeps everything. */
    public static final ViewFilter ALL = new ViewFilter(List.of(), false, false, false, Set.of(), Set.of(), null, null,
            -1, -1, null, null, 0);

    public ViewFilter {
        pids = pids == null ? List.of() : List.copyOf(pids);
        syscalls = syscalls == null ? Set.of() : Set.copyOf(syscalls);
        classes = classes == null ? Set.of() : Set.copyOf(classes);
    }

    /** The first thing wrong with this filter, as one line for a user; null when it is sound. */
    public String check() {
        if (tree && pids.isEmpty()) {
            return "tree needs a pid: the processes whose descendants to keep";
        }
        if (noise && !failed) {
            return "noise only adds routine failures to failed: give failed too";
        }
        for (int pid : pids) {
            if (pid <= 0) {
                return "pid " + pid + " is not a process id";
            }
        }
        for (String c : classes) {
            if (!SyscallClasses.NAMES.contains(c)) {
                return "unknown class '" + c + "' (classes: " + String.join(", ", SyscallClasses.NAMES) + ")";
            }
        }
        for (String s : syscalls) {
            if (s.isEmpty() || !s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '?')) {
                return "'" + s + "' is not a syscall name";
            }
        }
        if (path != null && path.isEmpty()) {
            return "path is empty: give the text a path or decoration must contain";
        }
        if (fd != null && (fd.fd() < 0 || fd.pid() <= 0 || fd.line() < 0)) {
            return "fd needs a pid, an fd number and a line: PID:FD@LINE";
        }
        if (fromLine < -1 || toLine < -1 || fromLine >= 0 && toLine >= 0 && fromLine > toLine) {
            return "the line range is empty or reversed";
        }
        if (context < 0 || context > 10_000) {
            return "context must be between 0 and 10000 lines";
        }
        String timeProblem = timeRangeProblem(fromTime, toTime);
        if (timeProblem != null) {
            return timeProblem;
        }
        return null;
    }

    /** Whether this filter keeps every line. */
    public boolean keepsAll() {
        return equals(ALL) || copyWithContext(0).equals(ALL);
    }

    private ViewFilter copyWithContext(int c) {
        return new ViewFilter(pids, tree, failed, noise, syscalls, classes, path, fd, fromLine, toLine, fromTime, toTime, c);
    }

    /** In words, for a title: "pid 4110 and descendants, failed calls, openat, lines 10–200". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!pids.isEmpty()) {
            parts.add((pids.size() == 1 ? "pid " : "pids ") + join(pids) + (tree ? " and descendants" : ""));
        }
        if (failed) {
            parts.add(noise ? "failures (with routine ones)" : "failures");
        }
        if (!syscalls.isEmpty()) {
            parts.add(String.join(",", new TreeSet<>(syscalls)));
        }
        if (!classes.isEmpty()) {
            parts.add(String.join(",", new TreeSet<>(classes)) + " calls");
        }
        if (path != null) {
            parts.add("“" + path + "”");
        }
        if (fd != null) {
            parts.add("fd " + fd.fd() + " of pid " + fd.pid() + " at line " + (fd.line() + 1));
        }
        if (fromLine >= 0 || toLine >= 0) {
            parts.add("lines " + (fromLine >= 0 ? fromLine + 1 : 1) + "–" + (toLine >= 0 ? String.valueOf(toLine + 1) : "end"));
        }
        if (fromTime != null || toTime != null) {
            parts.add("time " + (fromTime != null ? fromTime : "start") + "–" + (toTime != null ? toTime : "end"));
        }
        if (context > 0) {
            parts.add("±" + context + " lines of context");
        }
        return parts.isEmpty() ? "all lines" : String.join(", ", parts);
    }

    private static String join(List<Integer> pids) {
        List<String> s = new ArrayList<>();
        pids.forEach(p -> s.add(String.valueOf(p)));
        return String.join(",", s);
    }

    /** A class name as users type it. */
    static String normalise(String c) {
        return c.trim().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a time range, or null. */
    private static String timeRangeProblem(String from, String to) {
        if (from != null && Double.isNaN(Timestamps.seconds(from))) {
            return "'" + from + "' is not a timestamp (HH:MM:SS[.frac] or seconds since 1970)";
        }
        if (to != null && Double.isNaN(Timestamps.seconds(to))) {
            return "'" + to + "' is not a timestamp (HH:MM:SS[.frac] or seconds since 1970)";
        }
        if (from != null && to != null) {
            if (Timestamps.isClock(from) != Timestamps.isClock(to)) {
                return "the two times of the range are in different forms";
            }
            if (Timestamps.seconds(from) > Timestamps.seconds(to)) {
                return "the time range is reversed";
            }
        }
        return null;
    }
}
