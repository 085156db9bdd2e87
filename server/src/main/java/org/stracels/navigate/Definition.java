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
        return find(trace, offset, Siblings.NONE, cancel);
    }

    /**
     * The same, for a file of an -ff trace whose other files are {@code siblings}: a clone's result goes to the
     * child's file, an fd a process inherited goes to the call that made it in its parent's file.
     */
    public static List<Place> find(Trace trace, int offset, Siblings siblings, CancelCheck cancel) {
        Subject s = Cursor.at(trace, offset, cancel);
        if (s instanceof Subject.Fd fd) {
            List<Place> across = CrossFile.inheritedFd(trace, fd.use(), siblings, cancel);
            return across.isEmpty() ? FdTargets.definition(trace, fd.use(), cancel) : across;
        }
        if (s instanceof Subject.Process process && process.role() == Subject.Role.CHILD) {
            List<Place> across = CrossFile.child(trace, process.processId(), siblings);
            if (!across.isEmpty()) {
                return across;
            }
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
