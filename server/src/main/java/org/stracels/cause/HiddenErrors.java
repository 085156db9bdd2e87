package org.stracels.cause;

import java.util.Set;
import org.stracels.analysis.Trace;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * Errors hidden in calls that succeeded. A non-blocking {@code connect} says {@code EINPROGRESS}; whether it
 * worked comes later, as {@code getsockopt(fd, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0} (the call
 * succeeded, the errno it read is the connection's) or as {@code POLLERR} in what {@code poll}/{@code epoll_wait}
 * return. Read from the line alone, for lines whose name says they may hold one.
 */
public final class HiddenErrors {
    /** An errno (or poll flag) inside a successful result: where it is in the trace, and what it means. */
    public record Hidden(int line, int start, int end, String code, String fd, String what) { }

    private static final Set<String> POLLS = Set.of("poll", "ppoll", "epoll_wait", "epoll_pwait", "epoll_pwait2");

    private HiddenErrors() {
    }

    /** Whether a call named {@code name} can hide an error in its result. */
    public static boolean mayHide(String name) {
        return name != null && ("getsockopt".equals(name) || POLLS.contains(name));
    }

    /** The error hidden in line {@code i} (a result line that did not fail), or null. */
    public static Hidden of(Trace trace, int i) {
        ParsedTrace parsed = trace.parsed();
        String name = parsed.name(i);
        LineKind kind = parsed.kind(i);
        if (!mayHide(name) || kind != LineKind.SYSCALL && kind != LineKind.RESUMED
                || parsed.returnKind(i) == ReturnKind.ERROR) {
            return null;
        }
        String text = parsed.text();
        int start = parsed.lineStart(i);
        int end = parsed.lineEnd(i);
        if ("getsockopt".equals(name)) {
            int at = indexOf(text, "SO_ERROR, [E", start, end);
            if (at < 0) {
                return null;
            }
            int from = at + "SO_ERROR, [".length();
            int to = from;
            while (to < end && (Character.isUpperCase(text.charAt(to)) || Character.isDigit(text.charAt(to)))) {
                to++;
            }
            if (to >= end || text.charAt(to) != ']') {
                return null;
            }
            String errno = text.substring(from, to);
            return new Hidden(i, from, to, errno, firstFd(text, start, end),
                    "the socket's pending error, read with getsockopt(SO_ERROR), is " + errno
                            + ": the connection it was making failed");
        }
        int eq = Text.findLast(text, ") = ", start, end);
        if (eq < 0) {
            return null;
        }
        String flag = indexOf(text, "EPOLLERR", eq, end) >= 0 ? "EPOLLERR" : indexOf(text, "POLLERR", eq, end) >= 0 ? "POLLERR" : null;
        if (flag == null) {
            return null;
        }
        int at = indexOf(text, flag, eq, end);
        int fdAt = Text.findLast(text, "fd=", eq, at);
        String fd = fdAt > eq ? digits(text, fdAt + 3, end) : null;
        if (fd == null && flag.startsWith("E")) {
            int u = Text.findLast(text, "u32=", eq, at);
            fd = u > eq ? digits(text, u + 4, end) : null;
        }
        return new Hidden(i, at, at + flag.length(), flag, fd, name + " reports " + flag + (fd != null ? " on fd " + fd : "")
                + ": an error is pending on it (a connection that failed, a peer that went away)");
    }

    private static String firstFd(String text, int start, int end) {
        int open = indexOf(text, "(", start, end);
        return open < 0 ? null : digits(text, open + 1, end);
    }

    private static String digits(String text, int from, int end) {
        int to = from;
        while (to < end && Character.isDigit(text.charAt(to))) {
            to++;
        }
        return to > from ? text.substring(from, to) : null;
    }

    private static int indexOf(String text, String needle, int from, int end) {
        return Text.find(text, needle, from, end);
    }
}
