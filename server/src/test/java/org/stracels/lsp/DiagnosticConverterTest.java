package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.stracels.check.Finding;
import org.stracels.check.FindingClass;
import org.stracels.check.Severity;

class DiagnosticConverterTest {
    private static final String URI = "file:///t.strace";

    @Test
    void everyFieldComesFromTheFinding() {
        String text = "1 clone() = 2\n2 read(0, \"é\", 1) = -1 EIO (Input/output error)\n2 +++ exited with 1 +++\n";
        Positions positions = Positions.of(text);
        int errno = text.indexOf("EIO");
        int line1 = text.indexOf("2 read");
        Finding finding = new Finding(1, errno, errno + 3, Severity.WARNING, FindingClass.FAILURE, "EIO",
                "read failed with EIO",
                List.of(new Finding.Related(0, -1, -1, "created here"),
                        new Finding.Related(1, line1 + 2, line1 + 6, "the call")));

        Diagnostic d = DiagnosticConverter.toDiagnostic(finding, positions, URI);

        int character = errno - line1;
        assertThat(d.getRange()).isEqualTo(new Range(new Position(1, character), new Position(1, character + 3)));
        assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
        assertThat(d.getSource()).isEqualTo("strace");
        assertThat(d.getCode().getLeft()).isEqualTo("EIO");
        assertThat(d.getMessage().getLeft()).isEqualTo("read failed with EIO");
        assertThat(d.getRelatedInformation()).hasSize(2);
        // start/end -1: the whole line, without its break
        assertThat(d.getRelatedInformation().get(0).getLocation())
                .isEqualTo(new Location(URI, new Range(new Position(0, 0), new Position(0, "1 clone() = 2".length()))));
        assertThat(d.getRelatedInformation().get(0).getMessage()).isEqualTo("created here");
        assertThat(d.getRelatedInformation().get(1).getLocation().getRange())
                .isEqualTo(new Range(new Position(1, 2), new Position(1, 6)));
    }

    @Test
    void noRelatedInformationWhenThereIsNone() {
        Diagnostic d = DiagnosticConverter.toDiagnostic(
                new Finding(0, 0, 1, Severity.HINT, FindingClass.NOISE, "x", "m", List.of()), Positions.of("ab"), URI);
        assertThat(d.getRelatedInformation()).isNull();
    }

    @Test
    void severitiesMapOneToOne() {
        assertThat(DiagnosticConverter.severity(Severity.ERROR)).isEqualTo(DiagnosticSeverity.Error);
        assertThat(DiagnosticConverter.severity(Severity.WARNING)).isEqualTo(DiagnosticSeverity.Warning);
        assertThat(DiagnosticConverter.severity(Severity.INFORMATION)).isEqualTo(DiagnosticSeverity.Information);
        assertThat(DiagnosticConverter.severity(Severity.HINT)).isEqualTo(DiagnosticSeverity.Hint);
    }
}
