package org.stracels.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.cause.Cause;

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

    static void write(List<ProcessInfo> processes, Failures failures, Writer out) throws IOException {
        out.write("<section id=\"failures\"><h2>Failures</h2>\n");
        int items = 0;
        for (Failures.Message m : failures.messages) {
            if (items++ < MAX_REPORTS) {
                ProcessInfo p = m.processId() >= 0 && m.processId() < processes.size() ? processes.get(m.processId()) : null;
                item(out, "report", m.line(), who(p) + " reported: “" + m.excerpt200() + "”",
                        m.causes(), m.total());
            }
        }
        if (failures.messageCount > MAX_REPORTS) {
            out.write("<p class=\"note\">" + (failures.messageCount - MAX_REPORTS) + " more messages not listed "
                    + "(strace-ls check --explain lists them all)</p>\n");
        }
        for (Map.Entry<Integer, Failures.Exit> e : failures.silentExits.entrySet()) {
            ProcessInfo p = processes.get(e.getKey());
            item(out, "exit", e.getValue().line(), who(p) + " " + p.endingText() + " without a message",
                    e.getValue().causes(), e.getValue().total());
        }
        int unranked = failures.silentCount - failures.silentExits.size();
        if (unranked > 0) {
            out.write("<p class=\"note\">" + unranked + " more failing processes not ranked here "
                    + "(strace-ls check --explain ranks them all)</p>\n");
        }
        if (items == 0 && failures.silentExits.isEmpty()) {
            out.write("<p>No program reported an error, and no process exited non-zero or was killed.</p>\n");
        }
        out.write("</section>\n");
    }

    private static void item(Writer out, String kind, int line, String what, List<Failures.Shown> causes, int total)
            throws IOException {
        out.write("<div class=\"failure " + kind + "\"><p>" + Html.line(line + 1) + ": " + Html.escape(what) + "</p>\n");
        if (causes.isEmpty()) {
            out.write("<p class=\"note\">no call of this process failed before it</p>");
        } else {
            out.write("<ol class=\"causes\">");
            for (Failures.Shown c : causes) {
                out.write("<li>" + Html.line(c.line() + 1) + ": <code>" + Html.escape(c.call()) + "</code> <span class=\"score\">score "
                        + c.score() + "</span><ul class=\"reasons\">");
                for (Cause.Reason reason : c.reasons()) {
                    out.write("<li" + (reason.weight() == 0 ? " class=\"info\"" : "") + ">" + Html.escape(reason.toString())
                            + "</li>");
                }
                out.write("</ul></li>\n");
            }
            out.write("</ol>");
            if (total > SHOWN) {
                out.write("<p class=\"note\">" + (total - SHOWN) + " more, lower</p>");
            }
        }
        out.write("</div>\n");
    }

    private static String who(ProcessInfo p) {
        if (p == null) {
            return "the process";
        }
        String program = p.execs().isEmpty() ? "" : " (" + p.execs().get(p.execs().size() - 1).path() + ")";
        return (p.pid() >= 0 ? "pid " + p.pid() : "the process") + program;
    }
}
