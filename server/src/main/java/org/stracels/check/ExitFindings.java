package org.stracels.check;

import java.util.ArrayList;
import java.util.List;
import org.stracels.cause.Cause;
import org.stracels.parse.ParsedTrace;

/**
 * What the {@code nonzero-exit} and {@code killed-by-signal} findings say of their causes, so that clients without
 * hovers or lenses see them: the top cause in the message ({@code …; likely cause: openat(…) = -1 EACCES on line
 * 88}, through a child: {@code pid 12 (/usr/bin/cat) exited with 1 ← read(…) = -1 EISDIR, line 99}) and every
 * cause that rose as related information, each with the end of its via chain.
 */
final class ExitFindings {
    private ExitFindings() {
    }

    /** {@code "; likely cause: …"}, or empty when no cause rose above the noise. */
    static String likelyCause(org.stracels.analysis.Trace trace, List<Cause> causes) {
        if (causes.isEmpty() || causes.get(0).score() <= 0) {
            return "";
        }
        Cause top = causes.get(0);
        return "; likely cause: " + (top.via() != null ? top.chain(trace::lineNumber) : top.shortCall() + " on line " + trace.lineNumber(top.line()));
    }

    /** The causes that rose (and the ends of their chains) as related places, then {@code base}. */
    static List<Finding.Related> related(ParsedTrace parsed, List<Cause> causes, List<Finding.Related> base) {
        List<Finding.Related> related = new ArrayList<>();
        int k = 0;
        for (Cause c : causes) {
            if (c.score() <= 0 || k >= ReportedErrors.MAX_RELATED) {
                continue;
            }
            k++;
            related.add(new Finding.Related(c.line(), parsed.lineStart(c.line()), parsed.lineEnd(c.line()),
                    "likely cause #" + k + " (score " + c.score() + "): " + c.call() + " — " + c.why()));
            Cause root = c.root();
            if (root != c) {
                related.add(new Finding.Related(root.line(), parsed.lineStart(root.line()), parsed.lineEnd(root.line()),
                        "its own likely cause: " + root.call() + " — " + root.why()));
            }
        }
        related.addAll(base);
        return related;
    }
}
