package org.stracels.cause;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;

/**
 * Where a program's messages go, followed in the forward pass of {@link TraceScan} without the fd model: for
 * each process group, the fds that are not what they are by default. fd 2 is stderr unless something else is
 * put there: a {@code dup2}/{@code dup3}/{@code fcntl(F_DUPFD)} of a file, pipe or socket onto it is still the
 * program's error output, of {@code /dev/null} is not (nobody reads it); a copy of fd 2 elsewhere
 * ({@code dup2(2, 1)}, a shell's {@code >&2}) is stderr too. A file opened with {@code O_APPEND}, or whose name
 * ends in {@code .log} or lies under {@code /var/log}, is a log; a socket connected to {@code /dev/log} is
 * syslog, to {@code /run/systemd/journal/…} the journal. A new process starts with a copy of its parent's
 * table when it shows its first line; threads share their process's.
 */
final class MessageFds {
    static final byte OTHER = 0;
    static final byte STDERR = 1;
    static final byte NULL = 2;
    static final byte LOG = 3;
    static final byte SYSLOG = 4;
    static final byte JOURNAL = 5;

    static final Set<String> TRACKED = Set.of("open", "openat", "openat2", "creat", "dup", "dup2", "dup3", "fcntl",
            "fcntl64", "close", "connect");

    /** One group's fds that differ from the default, and the names of its logs. */
    private static final class Table {
        final Map<Integer, Byte> kinds = new HashMap<>(4);
        final Map<Integer, String> names = new HashMap<>(4);

        Table copy() {
            Table t = new Table();
            t.kinds.putAll(kinds);
            t.names.putAll(names);
            return t;
        }
    }

    private final ParsedTrace parsed;
    private final TraceModel model;
    private final int[] groupOf;
    private final Table[] tables;
    private final boolean[] started;

    MessageFds(ParsedTrace parsed, TraceModel model, int[] groupOf) {
        this.parsed = parsed;
        this.model = model;
        this.groupOf = groupOf;
        this.tables = new Table[groupOf.length];
        this.started = new boolean[groupOf.length];
    }

    /** Sees line {@code i} of process {@code process}: starts the group's table, applies what the call did to fds. */
    void see(int i, int process, boolean tracked) {
        int g = groupOf[process];
        if (!started[g]) {
            started[g] = true;
            int parent = model.parentOf(g);
            if (parent >= 0 && tables[groupOf[parent]] != null) {
                tables[g] = tables[groupOf[parent]].copy();
            }
        }
        if (!tracked) {
            return;
        }
        LineKind kind = parsed.kind(i);
        int entry = i;
        if (kind == LineKind.RESUMED) {
            entry = model.partner(i);
            if (entry < 0) {
                return;
            }
        } else if (kind != LineKind.SYSCALL) {
            return;
        }
        String text = parsed.text();
        String name = parsed.name(i);
        int result = result(text, parsed.lineStart(i), parsed.lineEnd(i));
        if (result < 0) {
            return;
        }
        int entryEnd = parsed.lineEnd(entry);
        int argsAt = indexOf(text, name + "(", parsed.lineStart(entry), entryEnd);
        if (argsAt < 0) {
            return;
        }
        argsAt += name.length();
        int first = number(text, argsAt + 1, entryEnd);
        switch (name) {
            case "close" -> {
                if (first >= 0) {
                    set(g, first, OTHER, null);
                }
            }
            case "dup", "dup2", "dup3", "fcntl", "fcntl64" -> {
                if (first < 0 || name.startsWith("fcntl") && !dupCmd(text, argsAt, entryEnd)) {
                    return;
                }
                byte from = decorated(text, argsAt + 1, entryEnd);
                if (from < 0) {
                    from = kindOf(g, first);
                }
                String fromName = tables[g] == null ? null : tables[g].names.get(first);
                if (result == 2) {
                    set(g, 2, from == NULL ? NULL : from == LOG || from == SYSLOG || from == JOURNAL ? from : STDERR, fromName);
                } else {
                    set(g, result, from, fromName);
                }
            }
            case "connect" -> {
                int path = indexOf(text, "sun_path=\"", argsAt, entryEnd);
                if (first >= 0 && path >= 0) {
                    byte k = socketKind(text, path + "sun_path=\"".length(), entryEnd);
                    if (k != OTHER) {
                        set(g, first, k, null);
                    }
                }
            }
            default -> { // open, openat, openat2, creat
                String path = quoted(text, argsAt, entryEnd);
                if (path == null) {
                    return;
                }
                boolean append = indexOf(text, "O_APPEND", argsAt, entryEnd) >= 0;
                byte k = fileKind(path, append);
                if (result == 2 && k == OTHER) {
                    k = STDERR;
                }
                set(g, result, k, k == LOG ? path : null);
            }
        }
    }

    /** What fd {@code fd} of group {@code g} is now: fd 2 is stderr by default, any other fd OTHER. */
    byte kindOf(int g, int fd) {
        Table t = tables[g];
        Byte k = t == null ? null : t.kinds.get(fd);
        return k != null ? k : fd == 2 ? STDERR : OTHER;
    }

    /** The path of the log file on fd {@code fd} of group {@code g}, when known. */
    String nameOf(int g, int fd) {
        Table t = tables[g];
        return t == null ? null : t.names.get(fd);
    }

    private void set(int g, int fd, byte kind, String name) {
        if (tables[g] == null) {
            if (kind == (fd == 2 ? STDERR : OTHER)) {
                return;
            }
            tables[g] = new Table();
        }
        tables[g].kinds.put(fd, kind);
        if (name != null) {
            tables[g].names.put(fd, name);
        } else {
            tables[g].names.remove(fd);
        }
    }

    /** The kind a file of this path is: /dev/null, a log, a terminal (as stderr), else OTHER. */
    static byte fileKind(String path, boolean append) {
        if (path.equals("/dev/null")) {
            return NULL;
        }
        if (path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console")) {
            return STDERR;
        }
        if (append || path.endsWith(".log") || path.startsWith("/var/log/")) {
            return LOG;
        }
        return OTHER;
    }

    /** syslog's socket ({@code /dev/log}), the journal's ({@code /run/systemd/journal/…}), else OTHER. */
    static byte socketKind(String text, int from, int end) {
        if (text.startsWith("/dev/log\"", from)) {
            return SYSLOG;
        }
        return text.startsWith("/run/systemd/journal/", from) ? JOURNAL : OTHER;
    }

    /** The kind a -y decoration right after the number at {@code from} shows, or -1 without one. */
    static byte decorated(String text, int from, int end) {
        int p = from;
        while (p < end && Character.isDigit(text.charAt(p))) {
            p++;
        }
        if (p == from || p >= end || text.charAt(p) != '<') {
            return -1;
        }
        int close = Text.find(text, '>', p, end);
        if (close < 0) {
            return -1;
        }
        String name = text.substring(p + 1, close);
        if (name.contains("/dev/log\"") || name.endsWith(",\"/dev/log\"]")) {
            return SYSLOG;
        }
        if (name.contains("/run/systemd/journal/")) {
            return JOURNAL;
        }
        return name.startsWith("/") ? fileKind(name, false) : OTHER;
    }

    private static boolean dupCmd(String text, int from, int end) {
        return indexOf(text, "F_DUPFD", from, end) >= 0;
    }

    /** The value after the last {@code " = "} of the line when it is a number (a new fd, 0), else -1. */
    private static int result(String text, int start, int end) {
        int eq = Text.findLast(text, " = ", start, end);
        return eq < 0 ? -1 : number(text, eq + 3, end);
    }

    private static int number(String text, int from, int end) {
        int n = 0;
        int p = from;
        while (p < end && p - from < 9 && Character.isDigit(text.charAt(p))) {
            n = n * 10 + text.charAt(p++) - '0';
        }
        return p == from ? -1 : n;
    }

    private static String quoted(String text, int from, int end) {
        int q = Text.find(text, '"', from, end);
        if (q < 0) {
            return null;
        }
        int r = Text.find(text, '"', q + 1, end);
        return r < 0 ? null : text.substring(q + 1, r);
    }

    private static int indexOf(String text, String needle, int from, int end) {
        return Text.find(text, needle, from, end);
    }
}
