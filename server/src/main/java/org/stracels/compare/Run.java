package org.stracels.compare;

import java.util.List;

/**
 * One run, normalised: its files as named, its processes in the order they appeared, and each process's calls.
 */
final class Run {
    final List<String> files;
    final List<RunProcess> processes;
    final long lines;

    Run(List<String> files, List<RunProcess> processes, long lines) {
        this.files = files;
        this.processes = processes;
        this.lines = lines;
    }

    List<RunProcess> roots() {
        return processes.stream().filter(p -> p.parent == null).toList();
    }

    /** Processes that exited non-zero or were killed. */
    List<RunProcess> failing() {
        return processes.stream().filter(p -> p.failed).toList();
    }

    long calls() {
        long n = 0;
        for (RunProcess p : processes) {
            n += p.calls();
        }
        return n;
    }
}
