package org.stracels.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;
import org.stracels.check.Checker;
import org.stracels.check.Severity;

/**
 * {@code strace-ls check --explain}: per reported error, the message and its likely causes, most likely first,
 * each with the reasons behind its score; then the processes that failed without saying why.
 */
final class ExplainCommand {
    /** Causes printed per message or exit. */
    static final int SHOWN = 5;

    private ExplainCommand() {
    }

    static int run(List<TraceFile> files, boolean json, PrintStream out) throws CliError {
        boolean anyError = false;
        JsonArray all = new JsonArray();
        for (TraceFile file : files) {
            Trace trace = Trace.of(file.text());
            anyError |= Checker.check(trace).stream().anyMatch(f -> f.severity() == Severity.ERROR);
            CauseAnalysis analysis = Causes.of(trace);
            TraceModel model = trace.model();
            Set<Integer> said = new HashSet<>();
            int silent = 0;
            for (Report r : analysis.reports()) {
                said.add(r.processId());
                String what = who(model.process(r.processId())) + " reported"
                        + (r.toStderr() ? "" : " to " + r.channel()) + ": “" + r.excerpt(100) + "”";
                emit(file.name(), "report", r.line(), what, r.causes(), json, all, out);
            }
            for (ProcessInfo p : model.processes()) {
                List<Cause> causes = analysis.causesOfExit(trace, p.endLine());
                if (p.endLine() >= 0 && !said.contains(p.id()) && !causes.isEmpty()) {
                    silent++;
                    String ending = analysis.ending(p.endLine());
                    String what = who(p) + " " + p.endingText() + " without a message" + (ending != null ? ": " + ending : "");
                    emit(file.name(), "exit", p.endLine(), what, causes, json, all, out);
                }
            }
            if (!json) {
                int n = analysis.reports().size();
                out.println(file.name() + ": " + n + (n == 1 ? " reported error" : " reported errors")
                        + (silent > 0 ? ", " + silent + (silent == 1 ? " failing process" : " failing processes")
                                + " without a message" : ""));
            }
        }
        if (json) {
            out.println(JsonOutput.GSON.toJson(all));
        }
        return anyError ? Cli.FOUND_ERRORS : Cli.OK;
    }

    private static void emit(String file, String kind, int line, String what, List<Cause> causes, boolean json,
            JsonArray all, PrintStream out) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file);
            o.addProperty("line", line + 1);
            o.addProperty("kind", kind);
            o.addProperty("text", what);
            JsonArray list = new JsonArray();
            for (Cause c : causes) {
                JsonObject j = cause(c);
                JsonArray via = new JsonArray();
                for (Cause v = c.via(); v != null && via.size() < 64; v = v.via()) {
                    via.add(cause(v));
                }
                if (via.size() > 0) {
                    j.add("via", via);
                }
                list.add(j);
            }
            o.add("causes", list);
            all.add(o);
            return;
        }
        out.println(file + ":" + (line + 1) + ": " + what);
        if (causes.isEmpty()) {
            out.println("  no call of this process failed before it");
        }
        for (int k = 0; k < Math.min(SHOWN, causes.size()); k++) {
            Cause c = causes.get(k);
            out.println("  " + (k + 1) + ". line " + (c.line() + 1) + ": " + c.call() + "  [score " + c.score() + "]");
            for (Cause.Reason reason : c.reasons()) {
                out.println("       " + (reason.weight() == 0 ? "· " : "") + reason);
            }
            String indent = "       ";
            for (Cause v = c.via(); v != null && indent.length() < 64; v = v.via()) {
                out.println(indent + "← via line " + (v.line() + 1) + ": " + v.call() + "  [score " + v.score() + "]");
                indent += "  ";
                for (Cause.Reason reason : v.reasons()) {
                    if (reason.weight() > 0) {
                        out.println(indent + "   " + reason);
                    }
                }
            }
        }
        if (causes.size() > SHOWN) {
            out.println("  (" + (causes.size() - SHOWN) + " more, lower)");
        }
    }

    /** {@code {line, call, score, reasons}} of one cause (1-based line). */
    private static JsonObject cause(Cause c) {
        JsonObject j = new JsonObject();
        j.addProperty("line", c.line() + 1);
        j.addProperty("call", c.call());
        j.addProperty("score", c.score());
        JsonArray reasons = new JsonArray();
        c.reasons().forEach(reason -> reasons.add(reason.toString()));
        j.add("reasons", reasons);
        return j;
    }

    private static String who(ProcessInfo p) {
        String program = p.execs().isEmpty() ? "" : " (" + p.execs().get(p.execs().size() - 1).path() + ")";
        return (p.pid() >= 0 ? "pid " + p.pid() : "the process") + program;
    }
}
