package org.stracels.hover;

import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;

/** The line under the cursor and what surrounds it, shared by the hover parts. */
record HoverContext(Trace trace, int lineIndex, ParsedLine line, int offset, HoverOptions options) {

    String text() {
        return trace.text();
    }

    /** The syscall this line belongs to, also for a resumed half. */
    String syscall() {
        return line.name();
    }

    /** The unfinished half of a resumed line, or -1. */
    int entryLine() {
        if (line.kind() == LineKind.RESUMED) {
            return trace.model().partner(lineIndex);
        }
        return lineIndex;
    }

    ProcessInfo process() {
        int id = trace.model().processOf(lineIndex);
        return id < 0 ? null : trace.model().process(id);
    }

    /** 1-based line number for messages. */
    static String lineRef(int line) {
        return "line " + (line + 1);
    }
}
