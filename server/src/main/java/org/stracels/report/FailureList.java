package org.stracels.report;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;

/**
 * The report's failures, as {@code check --explain} prints them: each error message a program wrote with its
 * likely causes, ranked, and their reasons; then the processes that failed without a message.
 */
final class FailureList {
    /** Causes shown per message or exit. */
    static final int SHOWN = 5;
    /** Messages listed; a huge trace can hold thousands. */
    static final int MAX_REPORTS = 200;

    private FailureList() {
    }

    static void write(Trace trace, CauseAnalysis analysis, Writer out) throws IOException {
        out.write("<section id=\"failures\"><h2>Failures</h2>\n");
        List<Report> reports = analysis.reports();
        Set<Integer> said = new HashSet<>();
        int items = 0;
        for (Report r : reports) {
            said.add(r.processId());
            if (items++ < MAX_REPORTS) {
                ProcessInfo p = trace.model().process(r.processId());
                item(out, "report", r.line(), who(p) + " reported: “" + r.excerpt(200) + "”", r.causes());
            }
        }
        if (reports.size() > MAX_REPORTS) {
            out.write("<p class=\"note\">" + (reports.size() - MAX_REPORTS) + " more messages not listed "
                    + "(strace-ls check --explain lists them all)</p>\n");
        }
        int ranked = 0;
        int unranked = 0;
        for (ProcessInfo p : trace.model().processes()) {
            boolean failed = p.ending() == ProcessInfo.Ending.KILLED
                    || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0;
            if (!failed || p.endLine() < 0 || said.contains(p.id())) {
                continue;
            }
            if (ranked >= Timeline.MAX_EXIT_CAUSES) {
                unranked++;
                continue;
            }
            ranked++;
            item(out, "exit", p.endLine(), who(p) + " " + p.endingText() + " without a message",
                    analysis.causesOfExit(trace, p.endLine()));
        }
        if (unranked > 0) {
            out.write("<p class=\"note\">" + unranked + " more failing processes not ranked here "
                    + "(strace-ls check --explain ranks them all)</p>\n");
        }
        if (items == 0 && ranked == 0) {
            out.write("<p>No program reported an error, and no process exited non-zero or was killed.</p>\n");
        }
        out.write("</section>\n");
    }

    private static void item(Writer out, String kind, int line, String what, List<Cause> causes) throws IOException {
        out.write("<div class=\"failure " + kind + "\"><p>" + Html.line(line + 1) + ": " + Html.escape(what) + "</p>\n");
        if (causes.isEmpty()) {
            out.write("<p class=\"note\">no call of this process failed before it</p>");
        } else {
            out.write("<ol class=\"causes\">");
            for (int k = 0; k < Math.min(SHOWN, causes.size()); k++) {
                Cause c = causes.get(k);
                out.write("<li>" + Html.line(c.line() + 1) + ": <code>" + Html.escape(c.call()) + "</code> <span class=\"score\">score "
                        + c.score() + "</span><ul class=\"reasons\">");
                for (Cause.Reason reason : c.reasons()) {
                    out.write("<li" + (reason.weight() == 0 ? " class=\"info\"" : "") + ">" + Html.escape(reason.toString())
                            + "</li>");
                }
                out.write("</ul></li>\n");
            }
            out.write("</ol>");
            if (causes.size() > SHOWN) {
                out.write("<p class=\"note\">" + (causes.size() - SHOWN) + " more, lower</p>");
            }
        }
        out.write("</div>\n");
    }

    private static String who(ProcessInfo p) {
        String program = p.execs().isEmpty() ? "" : " (" + p.execs().get(p.execs().size() - 1).path() + ")";
        return (p.pid() >= 0 ? "pid " + p.pid() : "the process") + program;
    }
}
