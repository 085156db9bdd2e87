package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.stracels.check.Finding;
import org.stracels.check.Severity;

/**
 * Turns the core's findings into LSP diagnostics, in this one place (marksman: Diag.fs). The core decides
 * what is wrong and how much it matters; this only changes the representation.
 */
final class DiagnosticConverter {
    /** The {@code source} of every diagnostic: editors show it next to the message. */
    static final String SOURCE = "strace";

    private DiagnosticConverter() {
    }

    static List<Diagnostic> toDiagnostics(List<Finding> findings, Positions positions, String uri) {
        List<Diagnostic> diagnostics = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            diagnostics.add(toDiagnostic(finding, positions, uri));
        }
        return diagnostics;
    }

    static Diagnostic toDiagnostic(Finding finding, Positions positions, String uri) {
        Diagnostic diagnostic = new Diagnostic(range(finding.line(), finding.start(), finding.end(), positions),
                finding.message(), severity(finding.severity()), SOURCE, finding.code());
        if (!finding.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>(finding.related().size());
            for (Finding.Related r : finding.related()) {
                Location location = new Location(uri, range(r.line(), r.start(), r.end(), positions));
                related.add(new DiagnosticRelatedInformation(location, r.message()));
            }
            diagnostic.setRelatedInformation(related);
        }
        return diagnostic;
    }

    static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    /** Offsets of -1 mean "the whole line" (the core's convention for a related line). */
    private static Range range(int line, int start, int end, Positions positions) {
        return start < 0 ? positions.lineRange(line) : positions.range(start, end);
    }
}
