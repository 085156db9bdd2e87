package org.stracels.cause;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the text of a message says: whether it reads like an error message at all, and which error it claims
 * ("permission denied", "timed out"), so that a cause can be said to agree with the message or to belie it.
 */
final class MessageClues {
    private static final Pattern MESSAGE = Pattern.compile("\\b(error|errors|failed|failure|fail|fatal|cannot|can't"
            + "|could not|couldn't|unable|denied|not found|no such|does not exist|doesn't exist|usage:|timeout"
            + "|timed out|invalid|refused|not permitted|permission|no space|abort|aborted|panic|unknown"
            + "|missing|illegal|not allowed|too many|unreachable|broken pipe|not supported)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A phrase a message may use, and the errnos that mean it. */
    record Claim(String phrase, Set<String> errnos) { }

    private static final List<Claim> CLAIMS = List.of(
            new Claim("permission denied", Set.of("EACCES", "EPERM", "EROFS")),
            new Claim("not permitted", Set.of("EPERM", "EACCES")),
            new Claim("no such file", Set.of("ENOENT")),
            new Claim("does not exist", Set.of("ENOENT")),
            new Claim("not found", Set.of("ENOENT", "ENXIO", "ESRCH")),
            new Claim("timed out", Set.of("ETIMEDOUT", "ETIME", "EAGAIN", "EWOULDBLOCK")),
            new Claim("timeout", Set.of("ETIMEDOUT", "ETIME", "EAGAIN", "EWOULDBLOCK")),
            new Claim("connection refused", Set.of("ECONNREFUSED")),
            new Claim("file exists", Set.of("EEXIST")),
            new Claim("already exists", Set.of("EEXIST")),
            new Claim("no space", Set.of("ENOSPC", "EDQUOT")),
            new Claim("read-only", Set.of("EROFS")),
            new Claim("is a directory", Set.of("EISDIR")),
            new Claim("not a directory", Set.of("ENOTDIR")),
            new Claim("too many open files", Set.of("EMFILE", "ENFILE")),
            new Claim("broken pipe", Set.of("EPIPE")),
            new Claim("not supported", Set.of("EOPNOTSUPP", "ENOTSUP", "ENOSYS", "ENOTSUPP")),
            new Claim("in use", Set.of("EADDRINUSE", "EBUSY", "ETXTBSY")),
            new Claim("seems to be running", Set.of("EEXIST", "EAGAIN", "EWOULDBLOCK", "EBUSY")),
            new Claim("is locked", Set.of("EEXIST", "EAGAIN", "EWOULDBLOCK", "EACCES", "EBUSY")),
            new Claim("connection reset", Set.of("ECONNRESET", "EPIPE")),
            new Claim("network is unreachable", Set.of("ENETUNREACH", "ENETDOWN")),
            new Claim("no route to host", Set.of("EHOSTUNREACH", "EHOSTDOWN")),
            new Claim("host unreachable", Set.of("EHOSTUNREACH", "EHOSTDOWN")),
            new Claim("not available", Set.of("ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "EAGAIN")),
            new Claim("unavailable", Set.of("ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAGAIN")),
            new Claim("out of memory", Set.of("ENOMEM")),
            new Claim("cannot allocate memory", Set.of("ENOMEM")),
            new Claim("disk full", Set.of("ENOSPC", "EDQUOT")),
            new Claim("quota", Set.of("EDQUOT")),
            new Claim("bad file descriptor", Set.of("EBADF")),
            new Claim("device or resource busy", Set.of("EBUSY")),
            new Claim("interrupted", Set.of("EINTR")));

    private MessageClues() {
    }

    /** Whether {@code text} reads like an error message. */
    static boolean isMessage(String text) {
        return text != null && MESSAGE.matcher(text).find();
    }

    /** The first error the message claims, or null; {@code message} in lower case. */
    static Claim claim(String message) {
        if (message == null) {
            return null;
        }
        for (Claim c : CLAIMS) {
            if (message.contains(c.phrase())) {
                return c;
            }
        }
        return null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
