package org.stracels.cause;

import java.util.List;
import java.util.Locale;

/**
 * What a message says about one failed call: whether it names the call's path (or a path inside it), quotes its
 * error text, speaks of the same error in other words — or claims another error, which is worth saying
 * because that is how messages mislead.
 */
final class MessageMatch {
    private MessageMatch() {
    }

    /** What the errno means for this call, said plainly: what to look at instead of what the message claims. */
    static String meaning(FailedCall call) {
        String errno = call.errno();
        String name = call.name();
        String subject = call.subject();
        return switch (errno) {
            case "EEXIST" -> name.startsWith("link") || name.startsWith("symlink") || call.args().contains("O_EXCL")
                    ? "the lock file already exists (a crashed process may have left it)"
                    : "the name already exists";
            case "ENOENT" -> (subject != null ? subject : "the path") + " is not there (or a directory on its way is missing)";
            case "ENOTDIR" -> "a part of the path is not a directory";
            case "EISDIR" -> (subject != null ? subject : "it") + " is a directory";
            case "ECONNREFUSED" -> "nothing listens at that address; the peer answered at once";
            case "ETIMEDOUT" -> "the peer never answered";
            case "EAGAIN", "EWOULDBLOCK" -> ErrnoWeight.isLock(call) ? "another process holds the lock"
                    : "nothing was ready yet";
            case "EACCES" -> "the permissions (or a security module) forbid it";
            case "EPERM" -> "the operation is not allowed here (privilege, or what the file system supports)";
            case "EROFS" -> "the file system is mounted read-only";
            case "ENOSPC" -> "the file system is full";
            case "EADDRINUSE" -> "another socket already has that address";
            case "EPIPE" -> "the reader at the other end went away";
            default -> null;
        };
    }

    /** Adds the reasons {@code message} (lower case) gives for or about {@code call}. */
    static void explain(FailedCall call, String message, List<Cause.Reason> reasons) {
        boolean named = false;
        for (String path : call.paths()) {
            String p = path.toLowerCase(Locale.ROOT);
            if (p.length() >= 4 && message.contains(p)) {
                reasons.add(new Cause.Reason(3, message.contains(p.endsWith("/") ? p : p + "/")
                        ? "the message names a path inside " + path : "the message names " + path));
                named = true;
                break;
            }
        }
        for (int k = 0; k < call.paths().size() && !named; k++) {
            String base = Window.base(call.paths().get(k));
            if (base != null && base.length() >= 5 && message.contains(base.toLowerCase(Locale.ROOT))) {
                reasons.add(new Cause.Reason(2, "the message names " + base));
                named = true;
            }
        }
        String errnoText = call.errnoText();
        if (errnoText != null && errnoText.length() >= 4 && message.contains(errnoText.toLowerCase(Locale.ROOT))) {
            reasons.add(new Cause.Reason(3, "the message quotes its error: “" + errnoText + "”"));
            return;
        }
        MessageClues.Claim claim = MessageClues.claim(message);
        if (claim == null) {
            return;
        }
        if (claim.errnos().contains(call.errno())) {
            reasons.add(new Cause.Reason(2, "the message speaks of “" + claim.phrase() + "”, which is what "
                    + call.errno() + " means"));
        } else {
            String meaning = meaning(call);
            reasons.add(new Cause.Reason(0, "the message says “" + claim.phrase() + "”, but this call failed with "
                    + call.errno() + (errnoText != null ? " (" + errnoText + ")" : "") + (meaning != null ? ": " + meaning : "")));
        }
    }
}
