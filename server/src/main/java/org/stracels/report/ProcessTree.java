package org.stracels.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import org.stracels.analysis.ProcessInfo;

/**
 * The report's process tree: who started whom, what each ran (program, arguments), how long, how it ended. A build
 * runs tens of thousands of processes: the tree shows the first {@link #MAX_PROCESSES} in its order (as the summary
 * does) and says how many more there are; the timeline keeps a row for each of the first {@link Timeline#MAX_ROWS}.
 */
final class ProcessTree {
    /** Processes shown in the tree. */
    static final int MAX_PROCESSES = 400;

    private ProcessTree() {
    }

    static void write(List<ProcessInfo> processes, ProcessFacts facts, TimeAxis axis, int rows, Writer out)
            throws IOException {
        IntFunction<ProcessInfo> byId = processes::get;
        List<List<ProcessInfo>> children = new ArrayList<>(processes.size());
        int[] threads = new int[processes.size()];
        for (int i = 0; i < processes.size(); i++) {
            children.add(new ArrayList<>(0));
        }
        List<ProcessInfo> roots = new ArrayList<>();
        int total = 0;
        for (ProcessInfo p : processes) {
            if (p.isThread()) {
                threads[Timeline.owner(byId, p).id()]++;
                continue;
            }
            total++;
            if (p.parentId() >= 0) {
                children.get(Timeline.owner(byId, byId.apply(p.parentId())).id()).add(p);
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
        int shown = 0;
        while (!stack.isEmpty()) {
            Object next = stack.pop();
            if (next instanceof String close) {
                out.write(close);
                continue;
            }
            if (shown >= MAX_PROCESSES) {
                continue;
            }
            shown++;
            ProcessInfo p = (ProcessInfo) next;
            out.write("<li data-row=\"" + p.id() + "\">");
            item(byId, facts, axis, p, threads[p.id()], out);
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
        out.write("</ul>");
        if (total > shown) {
            out.write("\n<p class=\"note\">" + (total - shown) + " more processes not shown here (the timeline has a row "
                    + (processes.size() > rows ? "for each of the first " + rows : "for each")
                    + "; strace-ls view --pid N --tree shows one process tree whole)</p>\n");
        }
        out.write("</section>\n");
    }

    private static void item(IntFunction<ProcessInfo> byId, ProcessFacts facts, TimeAxis axis, ProcessInfo p, int threads,
            Writer out) throws IOException {
        out.write("<span class=\"who\">" + Html.escape(Programs.who(p)) + "</span> ");
        if (p.execs().isEmpty()) {
            String program = Programs.program(byId, p);
            out.write("<span class=\"prog\">" + Html.escape(program == null ? "(program not in the trace)"
                    : program + " (forked, no execve)") + "</span>");
        }
        for (ProcessInfo.Exec e : p.execs()) {
            out.write("<div class=\"exec\"><span class=\"prog\">" + Html.escape(e.path()) + "</span> <code>"
                    + Html.escape(facts.exec(e, Double.NaN).commandLine()) + "</code> " + Html.line(e.line() + 1) + "</div>");
        }
        int first = p.firstLine();
        int last = p.endLine() >= 0 ? p.endLine() : p.lastLine();
        out.write(" <span class=\"meta\">");
        if (first >= 0 && last >= 0) {
            double span = (p.endLine() >= 0 ? facts.end(p) : facts.last(p)) - facts.first(p);
            out.write(axis.time ? Html.escape("ran " + Html.seconds(span)) : "lines " + (first + 1) + "–" + (last + 1));
            out.write(", ");
        }
        out.write(p.lineCount() + " lines");
        if (threads > 0) {
            out.write(", " + threads + (threads == 1 ? " thread" : " threads"));
        }
        out.write(", <span class=\"" + (Failures.failed(p) ? "bad" : "ok") + "\">" + Html.escape(p.endingText()) + "</span>");
        if (p.endLine() >= 0) {
            out.write(" " + Html.line(p.endLine() + 1));
        }
        out.write("</span>");
    }
}
