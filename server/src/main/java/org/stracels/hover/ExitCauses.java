package org.stracels.hover;

import java.util.List;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;

/**
 * On the line of a failing exit or kill: how a kill came about (abort, a fault, SIGPIPE after the reader
 * finished — normal —, a signal sent by another process while it was stuck or blocked), what the process said
 * before it, and the likely causes, ranked, each followed down to the call at the end of its chain.
 */
final class ExitCauses {
    static final int SHOWN = 5;

    private ExitCauses() {
    }

    static void append(Md md, HoverContext ctx) {
        CauseAnalysis analysis = Causes.of(ctx.trace());
        String ending = analysis.ending(ctx.lineIndex());
        if (ending != null) {
            md.fact(analysis.endedNormally(ctx.lineIndex()) ? "Normal end" : "How it came about",
                    ending.replace("`", "'"));
        }
        List<Cause> causes = analysis.causesOfExit(ctx.trace(), ctx.lineIndex());
        if (causes.isEmpty()) {
            return;
        }
        int process = ctx.trace().model().processOf(ctx.lineIndex());
        List<Report> said = analysis.reports().stream().filter(r -> r.processId() == process).toList();
        for (Report r : said.subList(Math.max(0, said.size() - 2), said.size())) {
            md.fact("It said", "“" + r.excerpt(120).replace("`", "'") + "” (line " + (r.line() + 1) + ")"
                    + (r.toStderr() ? "" : ", to " + r.channel()));
        }
        List<Cause> shown = causes.stream().filter(c -> c.score() > 0).limit(SHOWN).toList();
        if (shown.isEmpty()) {
            md.para("No failed call of this process stands out: the failures before its end are routine.");
            return;
        }
        md.para("**Likely causes**, most likely first:");
        for (Cause c : shown) {
            StringBuilder b = new StringBuilder("line " + (c.line() + 1) + ": " + Md.tick(c.call()) + " — " + c.why()
                    + " (score " + c.score() + ")");
            int hops = 0;
            for (Cause v = c.via(); v != null && hops < 16; v = v.via(), hops++) {
                b.append(" ← line ").append(v.line() + 1).append(": ").append(Md.tick(v.call()));
            }
            if (c.via() != null) {
                b.append(" — ").append(c.root().why());
            }
            md.bullet(b.toString());
        }
    }
}
