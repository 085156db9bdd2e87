package org.stracels.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.stracels.analysis.ProcessInfo;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;
import org.stracels.parse.CancelCheck;

/**
 * The code lenses ({@link CodeLensRequest} sends them) above each error message a program wrote, and above the exit
 * or kill of each process that failed without a message: {@code likely cause: link() ESERVERFAULT — line 27}, or
 * through a child {@code likely cause: read() EISDIR via pid 12 exited with 1 — line 99}. The lens runs
 * {@link ShowLocationCommand} with the place of the call at the end of the chain, which asks the client to show
 * it; a client that cannot still shows the line number in the title.
 */
final class CauseLensRequest {
    private CauseLensRequest() {
    }

    /** The lenses of one document: one per reported error whose top cause rose above the noise. */
    static List<CodeLens> lenses(OpenDocument doc, CancelCheck cancel) {
        Positions positions = doc.positions();
        List<CodeLens> lenses = new ArrayList<>();
        CauseAnalysis analysis = Causes.of(doc.trace(), cancel);
        Set<Integer> said = new HashSet<>();
        for (Report report : analysis.reports()) {
            said.add(report.processId());
            add(lenses, doc, positions, report.line(), report.causes());
        }
        for (ProcessInfo p : doc.trace().model().processes()) {
            if (p.endLine() >= 0 && !said.contains(p.id())) {
                add(lenses, doc, positions, p.endLine(), analysis.causesOfExit(doc.trace(), p.endLine()));
            }
        }
        lenses.sort(Comparator.comparingInt(l -> l.getRange().getStart().getLine()));
        return lenses;
    }

    private static void add(List<CodeLens> lenses, OpenDocument doc, Positions positions, int line, List<Cause> causes) {
        if (causes.isEmpty() || causes.get(0).score() <= 0) {
            return;
        }
        Cause top = causes.get(0);
        int start = positions.lineStart(line);
        Command command = new Command(top.lensTitle(), ShowLocationCommand.ID,
                List.of(doc.uri(), positions.lineRange(top.root().line())));
        lenses.add(new CodeLens(positions.range(start, start), command, null));
    }
}
