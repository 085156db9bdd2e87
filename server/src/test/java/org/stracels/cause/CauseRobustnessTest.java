package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/** A trace cut anywhere (an editor holds half-typed text) is analysed without throwing, and stays consistent. */
class CauseRobustnessTest {

    @Test
    void everyCutOfTheMisleadingTracesIsAnalysed() {
        for (String file : List.of("xauth-link.strace", "ln-link.strace", "perm-denied.strace", "config-search.strace",
                "net-timeout.strace")) {
            String text = Testdata.read(file);
            for (int cut = 0; cut <= text.length(); cut += 13) {
                String part = text.substring(0, cut);
                Trace trace = Trace.of(part);
                CauseAnalysis analysis = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
                for (Report r : analysis.reports()) {
                    assertThat(r.end()).as(file + " cut at " + cut).isLessThanOrEqualTo(part.length());
                    assertThat(r.causes()).allSatisfy(c -> assertThat(c.line()).isLessThan(r.line()));
                }
                for (int line = 0; line < trace.parsed().lineCount(); line++) {
                    analysis.causesOfExit(trace, line);
                }
            }
        }
    }

    @Test
    void linesThatAreNotStraceAndOddWritesAreNoProblem() {
        String text = """
                write(2, , 5) = 5
                write(2) = -1 EBADF (Bad file descriptor)
                writev(2, [{iov_base="error: a", iov_len=8}, {iov_base="nd b\\n", iov_len=4}], 2) = 12
                write(2, "x"..., 99999999999999999999) = 3
                write(999999999999, "failed", 6) = -1 EBADF (Bad file descriptor)
                this is not strace at all
                <... write resumed>) = -1 EPIPE (Broken pipe)
                exit_group(1) = ?
                +++ exited with 1 +++
                """;
        Trace trace = Trace.of(text);
        CauseAnalysis analysis = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
        assertThat(analysis.reports()).isNotEmpty();
        assertThat(analysis.reports()).anySatisfy(r -> assertThat(r.message()).contains("error: and b"));
        assertThat(analysis.causesOfExit(trace, 8)).isNotEmpty();
    }
}
