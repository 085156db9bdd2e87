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

    @Test
    void theIndexAnswersAsAScanOverEveryProcess() {
        long asked = 0;
        int reused = 0;
        for (Path file : Testdata.traces()) {
            TraceModel model = Trace.of(Testdata.read(file)).model();
            int lines = model.processes().isEmpty() ? 0 : Trace.of(Testdata.read(file)).parsed().lineCount();
            java.util.Set<Integer> pids = new java.util.TreeSet<>();
            for (ProcessInfo p : model.processes()) {
                if (p.pid() > 0 && !pids.add(p.pid())) {
                    reused++;
                }
            }
            pids.add(1); // a pid no process of these traces has
            int step = Math.max(1, lines * pids.size() / 200_000);
            for (int pid : pids) {
                for (int line = -1; line <= lines; line += step) {
                    assertThat(model.processAt(pid, line)).as(file + " pid " + pid + " line " + line)
                            .isEqualTo(scan(model, pid, line));
                    asked++;
                }
                assertThat(model.processAt(pid, Integer.MAX_VALUE)).isEqualTo(scan(model, pid, Integer.MAX_VALUE));
            }
        }
        assertThat(asked).isGreaterThan(10_000);
        assertThat(reused).as("pids that name two processes in the testdata").isGreaterThan(0);
    }

    /** The rule of {@link TraceModel#processAt} read off every process, as it was before the model had an index. */
    private static int scan(TraceModel model, long pid, int line) {
        int before = -1;
        int beforeStart = Integer.MIN_VALUE;
        int after = -1;
        int afterStart = Integer.MAX_VALUE;
        for (ProcessInfo p : model.processes()) {
            if (p.pid() != pid) {
                continue;
            }
            int start = p.createdAtLine() < 0 ? p.firstLine()
                    : p.firstLine() < 0 ? p.createdAtLine() : Math.min(p.createdAtLine(), p.firstLine());
            if (start <= line && start >= beforeStart) {
                before = p.id();
                beforeStart = start;
            } else if (start > line && start < afterStart) {
                after = p.id();
                afterStart = start;
            }
        }
        return before >= 0 ? before : after;
    }
}
