package org.stracels.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;

/** {@link TraceModel#processAt}: the one rule for which process a pid names at a line. */
class ProcessAtTest {

    @Test
    void everyProcessIsWhatItsPidNamesFromItsCloneToItsEnd() {
        int checked = 0;
        for (Path file : Testdata.traces()) {
            TraceModel model = Trace.of(Testdata.read(file)).model();
            for (ProcessInfo p : model.processes()) {
                if (p.pid() <= 0 || model.processes().stream().filter(q -> q.pid() == p.pid()).count() > 1) {
                    continue;
                }
                if (p.createdAtLine() >= 0) {
                    assertThat(model.processAt(p.pid(), p.createdAtLine())).as(file + " pid " + p.pid()).isEqualTo(p.id());
                }
                if (p.firstLine() >= 0) {
                    assertThat(model.processAt(p.pid(), p.firstLine())).isEqualTo(p.id());
                    // before it began, the pid already names it (a wait4 argument printed before the child's line)
                    assertThat(model.processAt(p.pid(), 0)).isEqualTo(p.id());
                }
                if (p.endLine() >= 0) {
                    assertThat(model.processAt(p.pid(), p.endLine())).isEqualTo(p.id());
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void aReusedPidNamesTheLatestProcessThatBeganBeforeTheLine() {
        // pid 2000 made twice by 1000 (strace prints pid reuse this way after the first one is reaped)
        String text = """
                1000 clone(child_stack=NULL, flags=SIGCHLD) = 2000
                2000 exit_group(1) = ?
                2000 +++ exited with 1 +++
                1000 wait4(2000, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 2000
                1000 clone(child_stack=NULL, flags=SIGCHLD) = 2000
                2000 exit_group(0) = ?
                2000 +++ exited with 0 +++
                """;
        TraceModel model = Trace.of(text).model();
        int first = model.processOf(1);
        int second = model.processOf(5);
        assertThat(first).isNotEqualTo(second);
        assertThat(model.processAt(2000, 0)).isEqualTo(first);
        assertThat(model.processAt(2000, 3)).isEqualTo(first); // ended, being waited for
        assertThat(model.processAt(2000, 4)).isEqualTo(second); // the clone that made the second
        assertThat(model.processAt(2000, 6)).isEqualTo(second);
        assertThat(model.processAt(3000, 3)).isEqualTo(-1);
        assertThat(model.processAt(0, 3)).isEqualTo(-1);
    }
}
