package org.stracels.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;

/** The report's process tree: who started whom, what each ran (program, arguments), how long, how it ended. */
final class ProcessTree {
    private ProcessTree() {
    }

    static void write(Trace trace, TimeAxis axis, Writer out) throws IOException {
        TraceModel model = trace.model();
        List<ProcessInfo> processes = model.processes();
        List<List<ProcessInfo>> children = new ArrayList<>(processes.size());
        int[] threads = new int[processes.size()];
        for (int i = 0; i < processes.size(); i++) {
            children.add(new ArrayList<>(0));
        }
        List<ProcessInfo> roots = new ArrayList<>();
        for (ProcessInfo p : processes) {
            if (p.isThread()) {
                threads[Timeline.owner(model, p).id()]++;
            } else if (p.parentId() >= 0) {
                children.get(Timeline.owner(model, model.process(p.parentId())).id()).add(p);
            } else {
                roots.add(p);
            }
        }
        out.write("<section id=\"tree\"><h2>Processes</h2>\n<ul class=\"tree\">\n");
        // depth first without recursion: a chain of thousands of forks must not overflow the stack
        Deque<Object> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Object next = stack.pop();
            if (next instanceof String close) {
                out.write(close);
                continue;
            }
            ProcessInfo p = (ProcessInfo) next;
            out.write("<li data-row=\"" + p.id() + "\">");
            item(trace, axis, p, threads[p.id()], out);
            List<ProcessInfo> kids = children.get(p.id());
            if (kids.isEmpty()) {
                out.write("</li>\n");
            } else {
                out.write("\n<ul>\n");
                stack.push("</ul></li>\n");
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
        out.write("</ul></section>\n");
    }

    private static void item(Trace trace, TimeAxis axis, ProcessInfo p, int threads, Writer out) throws IOException {
        boolean failed = p.ending() == ProcessInfo.Ending.KILLED
                || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0;
        out.write("<span class=\"who\">" + Html.escape(Programs.who(p)) + "</span> ");
        if (p.execs().isEmpty()) {
            String program = Programs.program(trace, p);
            out.write("<span class=\"prog\">" + Html.escape(program == null ? "(program not in the trace)"
                    : program + " (forked, no execve)") + "</span>");
        }
        for (ProcessInfo.Exec e : p.execs()) {
            out.write("<div class=\"exec\"><span class=\"prog\">" + Html.escape(e.path()) + "</span> <code>"
                    + Html.escape(Programs.commandLine(trace, e)) + "</code> " + Html.line(e.line() + 1) + "</div>");
        }
        int first = p.firstLine();
        int last = p.endLine() >= 0 ? p.endLine() : p.lastLine();
        out.write(" <span class=\"meta\">");
        if (first >= 0 && last >= 0) {
            double span = axis.x(last) - axis.x(first);
            out.write(axis.time ? Html.escape("ran " + Html.seconds(span)) : "lines " + (first + 1) + "–" + (last + 1));
            out.write(", ");
        }
        out.write(p.lineCount() + " lines");
        if (threads > 0) {
            out.write(", " + threads + (threads == 1 ? " thread" : " threads"));
        }
        out.write(", <span class=\"" + (failed ? "bad" : "ok") + "\">" + Html.escape(p.endingText()) + "</span>");
        if (p.endLine() >= 0) {
            out.write(" " + Html.line(p.endLine() + 1));
        }
        out.write("</span>");
    }
}
