package org.stracels.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stracels.analysis.ModelState;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * A big file's model holds each process that has ended once, however many windows follow: the state after a
 * window hands the next one the very objects it was given for them, and a window lists as its own only the
 * processes alive at its start or begun in it. This is what keeps memory bounded by the number of processes
 * (not processes × windows) on a trace of millions of lines.
 */
class SharedProcessesTest {
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata"));

    @TempDir
    Path dir;

    @Test
    void endedProcessesAreSharedByEveryLaterStateAndAreNoWindowsOwn() throws Exception {
        Path file = dir.resolve("all.strace");
        try (OutputStream out = Files.newOutputStream(file); Stream<Path> files = Files.list(TESTDATA)) {
            // a trace with pids first: whether lines show pids is decided from the first window (see README)
            List<Path> traces = new ArrayList<>(files.filter(p -> p.toString().endsWith(".strace")).sorted().toList());
            traces.sort(java.util.Comparator.comparing(p -> !p.getFileName().toString().equals("busy.strace")));
            for (Path p : traces) {
                byte[] b = Files.readAllBytes(p);
                out.write(b);
                if (b.length > 0 && b[b.length - 1] != '\n') {
                    out.write('\n');
                }
            }
        }
        List<ModelState> states = new ArrayList<>();
        List<Integer> activeCounts = new ArrayList<>();
        List<Integer> allCounts = new ArrayList<>();
        WindowScanner.Result result = WindowScanner.scan(TraceInput.open(file.toString()),
                new WindowScanner.Options(200, 16, 16), CancelCheck.NONE, WindowScanner.Progress.NONE, w -> {
                    ModelState s = w.trace().model().snapshot();
                    if (s != null) {
                        states.add(s);
                    }
                    activeCounts.add(w.trace().model().activeProcesses().size());
                    allCounts.add(w.trace().model().processes().size());
                });
        assertThat(states.size()).as("windows").isGreaterThan(50);

        int shared = 0;
        for (int k = 1; k < states.size(); k++) {
            List<ProcessInfo> before = states.get(k - 1).processes();
            List<ProcessInfo> after = states.get(k).processes();
            for (int id = 0; id < before.size(); id++) {
                ProcessInfo p = before.get(id);
                // (a process without a pid stays the one lines without a pid go to until another takes its place)
                if (p.pid() >= 0 && (p.ending() == ProcessInfo.Ending.EXITED || p.ending() == ProcessInfo.Ending.KILLED)) {
                    assertThat(after.get(id)).as("process %d (pid %d), ended at line %d, in state %d", id, p.pid(),
                            p.endLine(), k).isSameAs(p);
                    shared++;
                }
            }
        }
        assertThat(shared).isGreaterThan(1000);

        // all states together hold one object per process, plus one per state for each process still alive there
        // (not one per process and window)
        Set<ProcessInfo> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        long entries = 0;
        long alive = 0;
        for (ModelState s : states) {
            distinct.addAll(s.processes());
            entries += s.processes().size();
            alive += s.processes().stream().filter(p -> p.pid() < 0 || p.ending() != ProcessInfo.Ending.EXITED
                    && p.ending() != ProcessInfo.Ending.KILLED).count();
        }
        int processes = result.finalState().processes().size();
        assertThat(entries).as("entries over all states").isGreaterThan(20L * processes);
        assertThat((long) distinct.size()).as("distinct objects").isLessThanOrEqualTo(processes + alive)
                .isLessThan(entries / 5);

        // late windows list far fewer processes as their own than they know
        int last = activeCounts.size() - 1;
        assertThat(activeCounts.get(last)).isLessThan(allCounts.get(last) / 5);

        // and the processes are those of the text read whole
        Trace whole = Trace.of(Files.readString(file));
        List<ProcessInfo> expected = whole.model().processes();
        List<ProcessInfo> actual = result.finalState().processes();
        assertThat(actual).hasSameSizeAs(expected);
        for (int id = 0; id < expected.size(); id++) {
            ProcessInfo e = expected.get(id);
            ProcessInfo a = actual.get(id);
            assertThat(List.of(a.pid(), a.parentId(), a.parentPid(), a.firstLine(), a.lastLine(), a.endLine(),
                    a.createdAtLine(), a.lineCount(), a.exitStatus(), a.execs()))
                    .as("process %d", id)
                    .isEqualTo(List.of(e.pid(), e.parentId(), e.parentPid(), e.firstLine(), e.lastLine(), e.endLine(),
                            e.createdAtLine(), e.lineCount(), e.exitStatus(), e.execs()));
            assertThat(a.ending()).isEqualTo(e.ending());
        }
    }
}
