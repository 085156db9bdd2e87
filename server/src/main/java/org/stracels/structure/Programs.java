package org.stracels.structure;

import java.util.ArrayList;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;

/** What a process ran: the program of each execve and its argv, read from the execve line on demand. */
public final class Programs {
    /** Longest command line shown before it is cut with "…". */
    private static final int MAX_COMMAND = 120;

    private Programs() {
    }

    /** A successful execve: where its call starts (the unfinished half, if cut), its path and its argv. */
    record Exec(int entryLine, int resultLine, String path, List<String> argv, ArgNode pathNode) {
        /** argv joined by spaces, quoted where an argument holds a space; cut when long. */
        String commandLine() {
            return commandLine(MAX_COMMAND);
        }

        /** argv joined by spaces, quoted where an argument holds a space; cut after {@code max} chars. */
        String commandLine(int max) {
            StringBuilder b = new StringBuilder();
            for (String arg : argv) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(arg.isEmpty() || arg.indexOf(' ') >= 0 ? "'" + arg + "'" : arg);
                if (b.length() > max) {
                    return b.substring(0, max) + "…";
                }
            }
            return b.toString();
        }
    }

    /** The command line of a successful execve ({@code make -j4 all}), cut when long: for summaries. */
    public static String commandLine(Trace trace, ProcessInfo.Exec e) {
        String line = exec(trace, e).commandLine();
        return line.isEmpty() ? e.path() : line;
    }

    /** The argv of a successful execve as {@link #commandLine(Trace, ProcessInfo.Exec)}, cut after {@code max} chars; "" without one. */
    public static String argv(Trace trace, ProcessInfo.Exec e, int max) {
        return exec(trace, e).commandLine(max);
    }

    /** The execs of {@code process}, in order, with their argv. */
    static List<Exec> execs(Trace trace, ProcessInfo process) {
        List<Exec> result = new ArrayList<>(process.execs().size());
        for (ProcessInfo.Exec e : process.execs()) {
            result.add(exec(trace, e));
        }
        return result;
    }

    static Exec exec(Trace trace, ProcessInfo.Exec e) {
        int entry = trace.model().entryOf(e.line());
        ParsedLine call = trace.parsed().line(entry);
        List<String> argv = new ArrayList<>();
        ArgNode pathNode = null;
        if (call.argsSpan().isPresent()) {
            ArgList args = ArgParser.parse(trace.text(), call.argsSpan());
            // execve(path, argv, envp); execveat(dirfd, path, argv, envp, flags)
            int first = "execveat".equals(call.name()) ? 1 : 0;
            ArgNode path = args.get(first);
            pathNode = path != null && path.kind() == ArgKind.STRING ? path : null;
            ArgNode vector = args.get(first + 1);
            if (vector != null && vector.kind() == ArgKind.ARRAY) {
                for (ArgNode element : vector.children()) {
                    if (element.kind() == ArgKind.STRING) {
                        argv.add(element.decoded() + (element.truncated() ? "…" : ""));
                    } else if (element.kind() == ArgKind.ELLIPSIS) {
                        argv.add("…");
                    }
                }
            }
        }
        return new Exec(entry, e.line(), e.path(), argv, pathNode);
    }

    /**
     * The program a process runs at its end: its last execve, or else what its creator ran when it forked it;
     * null when the trace does not say.
     */
    static String program(Trace trace, ProcessInfo process) {
        return programAt(trace, process, Integer.MAX_VALUE);
    }

    /** The program {@code process} ran at {@code line}: its last execve before it, else its creator's; or null. */
    public static String programAt(Trace trace, ProcessInfo process, int line) {
        return programAt(trace.model()::process, process, line);
    }

    /** {@link #programAt(Trace, ProcessInfo, int)} over processes by id (those of a whole file read in windows). */
    public static String programAt(java.util.function.IntFunction<ProcessInfo> processes, ProcessInfo process, int line) {
        ProcessInfo p = process;
        int before = line;
        for (int depth = 0; p != null && depth < 64; depth++) {
            for (int i = p.execs().size() - 1; i >= 0; i--) {
                if (p.execs().get(i).line() <= before) {
                    return p.execs().get(i).path();
                }
            }
            if (p.parentId() < 0) {
                return null;
            }
            before = p.createdAtLine();
            p = processes.apply(p.parentId());
        }
        return null;
    }

    /** "pid 4110", "thread 4111", or "process" when the trace does not show pids. */
    public static String who(ProcessInfo process) {
        return process.pid() >= 0 ? (process.isThread() ? "thread " : "pid ") + process.pid()
                : (process.isThread() ? "thread" : "process");
    }

    /** "pid 4110 — /bin/date", or just "pid 4110" when the program is not known. */
    static String title(Trace trace, ProcessInfo process) {
        String program = program(trace, process);
        return program == null ? who(process) : who(process) + " — " + program;
    }

    /** The process that owns a thread's descriptors and outline entry: the first creator that is not a thread. */
    static ProcessInfo owner(Trace trace, ProcessInfo process) {
        ProcessInfo p = process;
        for (int depth = 0; p.isThread() && p.parentId() >= 0 && depth < 1024; depth++) {
            p = trace.model().process(p.parentId());
        }
        return p;
    }
}
