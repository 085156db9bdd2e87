package org.stracels.navigate;

import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.Span;

/** Which process a pid names at a given line (pids are reused once a process has ended). */
final class Processes {
    private Processes() {
    }

    /**
     * The process with {@code pid} at {@code line}: the latest one that began at or before it (alive, or ended
     * and being waited for); else the first one to begin after it; -1 if no process has that pid.
     */
    static int find(TraceModel model, long pid, int line) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return -1;
        }
        int before = -1;
        int beforeStart = -1;
        int after = -1;
        int afterStart = Integer.MAX_VALUE;
        for (ProcessInfo p : model.processes()) {
            if (p.pid() != pid) {
                continue;
            }
            int start = start(p);
            if (start <= line && start >= beforeStart) {
                before = p.id();
                beforeStart = start;
            } else if (start > line && start < afterStart) {
                after = p.id();
                afterStart = start;
            }
        }
        return before >= 0 ? before : after;
    }

    /** Where a process begins: the clone that made it or its first line, whichever comes first. */
    static int start(ProcessInfo p) {
        if (p.createdAtLine() < 0) {
            return p.firstLine();
        }
        return p.firstLine() < 0 ? p.createdAtLine() : Math.min(p.createdAtLine(), p.firstLine());
    }

    /** The decimal number in {@code span}, or -1. */
    static long number(CharSequence text, Span span) {
        if (!span.isPresent()) {
            return -1;
        }
        try {
            return Long.parseLong(text.subSequence(span.start(), span.end()).toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
