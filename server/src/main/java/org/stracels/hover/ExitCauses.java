package org.stracels.hover;

import java.util.List;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;

/** On the line of a failing exit or kill: what the process said before it, and the likely causes, ranked. */
final class ExitCauses {
    static final int SHOWN = 5;

    private ExitCauses() {
    }

    static void append(Md md, HoverContext ctx) {
        CauseAnalysis analysis = Causes.of(ctx.trace());
        List<Cause> causes = analysis.causesOfExit(ctx.trace(), ctx.lineIndex());
        if (causes.isEmpty()) {
            return;
        }
        int process = ctx.trace().model().processOf(ctx.lineIndex());
        List<Report> said = analysis.reports().stream().filter(r -> r.processId() == process).toList();
        for (Report r : said.subList(Math.max(0, said.size() - 2), said.size())) {
            md.fact("It said", "“" + r.excerpt(120).replace("`", "'") + "” (line " + (r.line() + 1) + ")");
        }
        List<Cause> shown = causes.stream().filter(c -> c.score() > 0).limit(SHOWN).toList();
        if (shown.isEmpty()) {
            md.para("No failed call of this process stands out: the failures before its end are routine.");
            return;
        }
        md.para("**Likely causes**, most likely first:");
        for (Cause c : shown) {
            md.bullet("line " + (c.line() + 1) + ": " + Md.tick(c.call()) + " — " + c.why() + " (score " + c.score() + ")");
        }
    }
}
