package org.stracels.analysis;

import java.util.ArrayList;
import java.util.List;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ParsedLine;

/**
 * One syscall as the fd model replays it: its name, the line with its result, and its arguments, which a
 * cut call prints in two parts ({@code before} on the unfinished line, {@code after} on the resumed one).
 *
 * @param before the arguments of a complete line, or of the unfinished half; null when that half is missing
 * @param after  the arguments printed on the resumed line, or null for a complete line
 */
record Call(String name, int nameId, int line, ParsedLine result, ArgList before, ArgList after) {
    private static final int UNKNOWN = Integer.MIN_VALUE / 2;

    /** Position of the first argument of {@code after} (the resumed text may finish the entry's last argument). */
    int shift() {
        if (after == null) {
            return 0;
        }
        if (before == null) {
            return UNKNOWN;
        }
        boolean continues = !before.trailingSeparator() && !after.leadingSeparator() && !before.isEmpty();
        return before.size() - (continues ? 1 : 0);
    }

    /** Argument {@code i} of the call, from whichever half printed it; null if not printed. */
    ArgNode arg(int i) {
        int shift = shift();
        if (after != null && i >= shift) {
            ArgNode node = after.get(i - shift);
            if (node != null) {
                return node;
            }
        }
        return before != null ? before.get(i) : null;
    }

    List<ArgNode> all() {
        List<ArgNode> all = new ArrayList<>();
        if (before != null) {
            all.addAll(before.nodes());
        }
        if (after != null) {
            all.addAll(after.nodes());
        }
        return all;
    }

    /** recvmsg/recvmmsg: fds in SCM_RIGHTS are new in this process. */
    boolean receivesFds() {
        return name.equals("recvmsg") || name.equals("recvmmsg");
    }

    /** sendmsg/sendmmsg: fds in SCM_RIGHTS are uses. */
    boolean sendsFds() {
        return name.equals("sendmsg") || name.equals("sendmmsg");
    }
}
