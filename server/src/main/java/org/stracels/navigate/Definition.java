package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Go to definition: from an fd to the call that made it (and, for a dup, to the original's maker too); from
 * one half of a cut call to the other; from a pid to the clone that created the process, from a clone's
 * result to the child's first line, from an exit line to the process's first line; from an address given
 * to munmap, mprotect and the like to the mmap or brk whose range holds it.
 */
public final class Definition {
    private Definition() {
    }

    /** The places the thing at {@code offset} is defined; empty when there is nothing to go to. */
    public static List<Place> find(Trace trace, int offset, CancelCheck cancel) {
        Subject s = Cursor.at(trace, offset, cancel);
        if (s instanceof Subject.Fd fd) {
            return FdTargets.definition(trace, fd.use(), cancel);
        }
        if (s instanceof Subject.Half half) {
            return half.partner() >= 0 ? List.of(Cursor.line(trace, half.partner())) : List.of();
        }
        if (s instanceof Subject.Process process) {
            return ProcessTargets.definition(trace, process);
        }
        if (s instanceof Subject.Address address) {
            return MemoryTargets.definition(trace, address.address(), address.line());
        }
        return List.of();
    }
}
