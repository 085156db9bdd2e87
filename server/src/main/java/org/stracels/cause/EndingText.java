package org.stracels.cause;

import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;

/** How a process killed by a signal came to be killed ({@link Endings.Ending}), in one sentence. */
final class EndingText {
    private EndingText() {
    }

    static String of(Trace trace, ProcessInfo p, Endings.Ending e) {
        return switch (e.kind()) {
            case SELF -> "SIGABRT".equals(e.signal())
                    ? "it called abort(): the program killed itself with SIGABRT on purpose (line " + trace.lineNumber(e.actionLine()) + ")"
                    : "it sent " + e.signal() + " to itself" + (e.actionLine() >= 0 ? " (line " + trace.lineNumber(e.actionLine()) + ")" : "");
            case ALARM -> "its own alarm went off (" + trace.parsed().name(e.actionLine()) + " on line " + trace.lineNumber(e.actionLine())
                    + ") and it had no handler for SIGALRM";
            case FAULT -> "a fault in the program itself (" + e.signal() + " from the kernel, line " + trace.lineNumber(e.signalLine()) + ")";
            case PIPE -> "normal: it wrote to a pipe whose reader had finished (EPIPE on line " + trace.lineNumber(e.actionLine())
                    + "), and SIGPIPE stopped it, as it stops yes in yes | head";
            case OTHER -> e.signal() + " came from " + (e.sender() < 0 ? "another process"
                    : (e.senderName() != null ? e.senderName() + " " : "") + "(pid " + e.sender() + ")")
                    + (e.blockedLine() >= 0 ? " while it was blocked in " + trace.parsed().name(e.blockedLine())
                    + " (line " + trace.lineNumber(e.blockedLine()) + ")" : "");
        };
    }
}
