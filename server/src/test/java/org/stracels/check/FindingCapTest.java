package org.stracels.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cap on findings per file: the most severe are kept, in line order, and one more says how many went. */
class FindingCapTest {
    private static Finding at(int line, Severity severity) {
        return new Finding(line, line * 10, line * 10 + 2, severity, FindingClass.FAILURE, "code" + line, "m" + line,
                List.of());
    }

    @Test
    void underTheCapNothingChanges() {
        List<Finding> findings = List.of(at(1, Severity.HINT), at(2, Severity.ERROR));
        assertThat(FindingCap.apply(findings, 2)).isSameAs(findings);
    }

    @Test
    void overTheCapTheMostSevereStayInLineOrderAndANoteSaysHowManyWereLeftOut() {
        List<Finding> findings = List.of(at(1, Severity.HINT), at(2, Severity.WARNING), at(3, Severity.ERROR),
                at(4, Severity.INFORMATION), at(5, Severity.WARNING), at(6, Severity.HINT));
        List<Finding> capped = FindingCap.apply(findings, 3);
        assertThat(capped).hasSize(4);
        assertThat(capped.subList(0, 3)).extracting(Finding::line).containsExactly(2, 3, 5);
        Finding note = capped.get(3);
        assertThat(note.severity()).isEqualTo(Severity.INFORMATION);
        assertThat(note.code()).isEqualTo("diagnostics-left-out");
        assertThat(note.line()).isZero();
        assertThat(note.start()).isEqualTo(-1); // the whole first line
        assertThat(note.message()).isEqualTo("3 more diagnostics are not shown: only the 3 most severe of 6 are"
                + " published (setting strace.diagnostics.maxPerFile)");
    }

    @Test
    void amongEqualsTheEarlierLinesStay() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            findings.add(at(i, Severity.WARNING));
        }
        List<Finding> capped = FindingCap.apply(findings, 1000);
        assertThat(capped).hasSize(1001);
        assertThat(capped.get(999).line()).isEqualTo(999);
        assertThat(capped.get(1000).message()).startsWith("200 more diagnostics");
    }

    @Test
    void aCapOfZeroKeepsOnlyTheNote() {
        assertThat(FindingCap.apply(List.of(at(1, Severity.ERROR)), 0)).extracting(Finding::code)
                .containsExactly("diagnostics-left-out");
    }
}
