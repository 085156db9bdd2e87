package org.stracels.report;

import java.util.function.IntFunction;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;

/** What a process ran, for the report: the program at a line, and the command line of an execve. */
final class Programs {
    /** Longest command line shown before it is cut with "…". */
    static final int MAX_COMMAND = 300;

    private Programs() {
    }

    /** The program a process runs at its end: its last execve, else its creator's at the fork; null if unknown. */
    static String program(IntFunction<ProcessInfo> processes, ProcessInfo process) {
        return programAt(processes, process, Integer.MAX_VALUE);
    }

    /** The program {@code process} ran at {@code line}: its last execve before it, else its creator's; or null. */
    static String programAt(IntFunction<ProcessInfo> processes, ProcessInfo process, int line) {
        return org.stracels.structure.Programs.programAt(processes, process, line);
    }

    /** The argv of an execve, joined by spaces, quoted where an argument holds a space, cut when long; "" without. */
    static String commandLine(Trace trace, ProcessInfo.Exec e) {
        return org.stracels.structure.Programs.argv(trace, e, MAX_COMMAND);
    }

    /** "pid 4110", "thread 4111", or "process" when the trace does not show pids. */
    static String who(ProcessInfo process) {
        return org.stracels.structure.Programs.who(process);
    }
}
