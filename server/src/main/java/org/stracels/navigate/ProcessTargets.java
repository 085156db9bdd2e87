package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.ParsedLine;

/** Where a process comes from: the clone that created it, or its first line. */
final class ProcessTargets {
    private ProcessTargets() {
    }

    static List<Place> definition(Trace trace, Subject.Process subject) {
        ProcessInfo p = trace.model().process(subject.processId());
        if (subject.role() == Subject.Role.PID && p.createdAtLine() >= 0) {
            ParsedLine clone = trace.parsed().line(p.createdAtLine());
            if (clone.returnValueSpan().isPresent()) {
                return List.of(new Place(clone.returnValueSpan().start(), clone.returnValueSpan().end()));
            }
            return List.of(Cursor.line(trace, p.createdAtLine()));
        }
        // no creator in the trace (the first process), a child's first line, the start of an ended one
        return p.firstLine() < 0 ? List.of() : List.of(Cursor.line(trace, p.firstLine()));
    }
}
