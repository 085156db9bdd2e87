package org.stracels.parse;

import java.util.HashSet;
import java.util.Set;

/**
 * A log copied while strace was still writing ends with a call cut in the middle of its arguments. Such a line,
 * when nothing completed it and it is the last line of its process (of the file, without pids), is a call in
 * progress: read as {@link LineKind#UNFINISHED}, like a call strace left unfinished, not as a broken line.
 */
final class CallsInProgress {
    private CallsInProgress() {
    }

    static void mark(String text, int[] starts, byte[] kinds, int[] pids) {
        Set<Integer> later = new HashSet<>();
        byte malformed = (byte) LineKind.MALFORMED.ordinal();
        byte blank = (byte) LineKind.BLANK.ordinal();
        for (int i = kinds.length - 1; i >= 0; i--) {
            if (kinds[i] == blank) {
                continue;
            }
            if (kinds[i] == malformed && !later.contains(pids[i])
                    && LineParser.isCutSyscall(LineParser.parse(text, starts[i], TraceParser.contentEnd(text, starts[i], starts[i + 1])))) {
                kinds[i] = (byte) LineKind.UNFINISHED.ordinal();
            }
            later.add(pids[i]);
        }
    }
}
