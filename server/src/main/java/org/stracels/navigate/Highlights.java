package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Document highlight: the occurrences of the fd under the cursor (its making marked as a write). */
public final class Highlights {
    private Highlights() {
    }

    public static List<Highlight> find(Trace trace, int offset, CancelCheck cancel) {
        Subject s = Cursor.at(trace, offset, cancel);
        if (s instanceof Subject.Fd fd) {
            return FdTargets.highlights(trace, fd.use(), cancel);
        }
        return List.of();
    }
}
