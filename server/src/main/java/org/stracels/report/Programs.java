package org.stracels.report;

import java.util.function.IntFunction;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;

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

    /** The argv of an execve, joined by spaces, quoted where an argument holds a space, cut when long. */
    static String commandLine(Trace trace, ProcessInfo.Exec e) {
        int partner = trace.model().partner(e.line());
        int entry = partner >= 0 && partner < e.line() ? partner : e.line();
        ParsedLine call = trace.parsed().line(entry);
        if (!call.argsSpan().isPresent()) {
            return "";
        }
        ArgList args = ArgParser.parse(trace.text(), call.argsSpan());
        int first = "execveat".equals(call.name()) ? 1 : 0;
        ArgNode vector = args.get(first + 1);
        StringBuilder b = new StringBuilder();
        if (vector == null || vector.kind() != ArgKind.ARRAY) {
            return "";
        }
        for (ArgNode element : vector.children()) {
            String arg = element.kind() == ArgKind.STRING ? element.decoded() + (element.truncated() ? "…" : "")
                    : element.kind() == ArgKind.ELLIPSIS ? "…" : null;
            if (arg == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(arg.isEmpty() || arg.indexOf(' ') >= 0 ? "'" + arg + "'" : arg);
            if (b.length() > MAX_COMMAND) {
                return b.substring(0, MAX_COMMAND) + "…";
            }
        }
        return b.toString();
    }

    /** "pid 4110", "thread 4111", or "process" when the trace does not show pids. */
    static String who(ProcessInfo process) {
        return process.pid() >= 0 ? (process.isThread() ? "thread " : "pid ") + process.pid()
                : (process.isThread() ? "thread" : "process");
    }
}
