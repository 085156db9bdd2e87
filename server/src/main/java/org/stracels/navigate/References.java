package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Find references: for an fd, every place the trace shows that fd instance, from the call that made it to
 * the one that ended it, in every process that shares or inherited it (and nothing after its close); for
 * one half of a cut call, both halves.
 */
public final class References {
    private References() {
    }

    public static List<Place> find(Trace trace, int offset, boolean includeDeclaration, CancelCheck cancel) {
        Subject s = Cursor.at(trace, offset, cancel);
        if (s instanceof Subject.Fd fd) {
            return FdTargets.references(trace, fd.use(), includeDeclaration, cancel);
        }
        if (s instanceof Subject.Half half && half.partner() >= 0) {
            int first = Math.min(half.line(), half.partner());
            int second = Math.max(half.line(), half.partner());
            return List.of(Cursor.line(trace, first), Cursor.line(trace, second));
        }
        return List.of();
    }
}
