package org.stracels.hover;

import java.util.ArrayList;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;

/** A pid: the program it ran, its parent, how it ended. */
final class ProcessHover {
    private ProcessHover() {
    }

    static Hover onPrefix(HoverContext ctx) {
        ParsedLine line = ctx.line();
        ProcessInfo p = ctx.process();
        Md md = new Md();
        md.heading("pid " + line.pid() + (p != null && p.isThread() ? " (thread)" : ""));
        if (line.commSpan().isPresent()) {
            md.para("Its command name (`/proc/PID/comm`) when strace printed the line: "
                    + Md.tick(line.commSpan().text(ctx.text()).replaceAll("^<|>$", "")) + ".");
        }
        if (p != null) {
            md.para(describe(ctx, p));
        }
        int start = line.pidSpan().isPresent() ? line.pidSpan().start() : line.commSpan().start();
        int end = line.commSpan().isPresent() ? line.commSpan().end() : line.pidSpan().end();
        return new Hover(start, end, md.toString());
    }

    /** A paragraph about a process: programs with their argv, parent, lines, ending. */
    static String describe(HoverContext ctx, ProcessInfo p) {
        TraceModel model = ctx.trace().model();
        List<String> parts = new ArrayList<>();
        for (ProcessInfo.Exec exec : p.execs()) {
            String argv = argv(ctx, exec.line());
            parts.add("Ran " + Md.tick(argv != null ? argv : exec.path()) + " (" + HoverContext.lineRef(exec.line()) + ").");
        }
        if (p.parentId() >= 0) {
            ProcessInfo parent = model.process(p.parentId());
            parts.add((p.isThread() ? "Thread created by" : "Child of") + " pid " + parent.pid()
                    + (p.createdAtLine() >= 0 ? " (" + HoverContext.lineRef(p.createdAtLine()) + ")" : "") + ".");
        } else if (p.firstLine() == 0) {
            parts.add("The first process of the trace.");
        }
        if (p.firstLine() >= 0) {
            parts.add(p.lineCount() + " lines, " + HoverContext.lineRef(p.firstLine()) + " to "
                    + HoverContext.lineRef(p.lastLine()) + ".");
        }
        parts.add(endingSentence(p) + (p.endLine() >= 0 ? " (" + HoverContext.lineRef(p.endLine()) + ")" : "") + ".");
        return String.join(" ", parts);
    }

    /** "It exited with 1", "It was killed by SIGKILL", "strace detached from it": how the process ended, as a clause. */
    static String endingSentence(ProcessInfo p) {
        return switch (p.ending()) {
            case KILLED -> "It was " + p.endingText();
            case DETACHED -> "strace detached from it";
            case RUNNING -> "It is " + p.endingText();
            default -> "It " + p.endingText();
        };
    }

    /** The argv of the execve on {@code line} (or on its unfinished half), as one command line. */
    private static String argv(HoverContext ctx, int line) {
        int entry = ctx.trace().model().partner(line) >= 0 && ctx.trace().model().partner(line) < line
                ? ctx.trace().model().partner(line) : line;
        ParsedLine call = ctx.trace().parsed().line(entry);
        if (!call.argsSpan().isPresent()) {
            return null;
        }
        ArgList args = ArgParser.parse(ctx.text(), call.argsSpan());
        if (args.size() < 2 || args.get(1).kind() != ArgKind.ARRAY) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (ArgNode element : args.get(1).children()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(element.kind() == ArgKind.STRING ? element.decoded() : element.text());
        }
        return b.toString();
    }

    /** The process {@code pid} names at {@code line} ({@code TraceModel.processAt}), or null. */
    static ProcessInfo findByPid(HoverContext ctx, int pid, int line) {
        int id = ctx.trace().model().processAt(pid, line);
        return id < 0 ? null : ctx.trace().model().process(id);
    }
}
