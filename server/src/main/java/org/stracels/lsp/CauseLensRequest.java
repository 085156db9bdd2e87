package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.stracels.cause.Cause;
import org.stracels.cause.Report;
import org.stracels.check.Causes;
import org.stracels.parse.CancelCheck;

/**
 * The code lenses ({@link CodeLensRequest} sends them) above each error message a program wrote: {@code likely cause: link()
 * ESERVERFAULT — line 27}. The lens runs {@link ShowLocationCommand} with the cause's place, which asks the
 * client to show it; a client that cannot still shows the line number in the title.
 */
final class CauseLensRequest {
    private CauseLensRequest() {
    }

    /** The lenses of one document: one per reported error whose top cause rose above the noise. */
    static List<CodeLens> lenses(OpenDocument doc, CancelCheck cancel) {
        Positions positions = doc.positions();
        List<CodeLens> lenses = new ArrayList<>();
        for (Report report : Causes.of(doc.trace(), cancel).reports()) {
            if (report.causes().isEmpty() || report.causes().get(0).score() <= 0) {
                continue;
            }
            Cause top = report.causes().get(0);
            int start = positions.lineStart(report.line());
            Command command = new Command(top.lensTitle(), ShowLocationCommand.ID,
                    List.of(doc.uri(), positions.lineRange(top.line())));
            lenses.add(new CodeLens(positions.range(start, start), command, null));
        }
        return lenses;
    }
}
