package org.stracels.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
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
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.Severity;
import org.stracels.parse.CancelCheck;

/**
 * {@code strace-ls check --explain}: per reported error, the message and its likely causes, most likely first,
 * each with the reasons behind its score; then the processes that failed without saying why. The file is read
 * window by window; the failing processes without a message wait for the end on disk ({@link SortedSpill}), so
 * that the order is that of a text in memory and memory does not grow with their number.
 */
final class ExplainCommand {
    /** Causes printed per message or exit. */
    static final int SHOWN = 5;

    /** One explained message or exit, with the file's own line numbers (1-based). */
    private record Entry(String kind, int line, String what, List<Shown> causes) { }

    private record Shown(int line, String call, int score, List<String> reasons, List<Integer> weights, List<Shown> via) { }

    private ExplainCommand() {
    }

    static int run(List<TraceFile> files, boolean json, PrintStream out) throws CliError {
        boolean[] anyError = {false};
        JsonOutput.Array all = json ? new JsonOutput.Array(out) : null;
        for (TraceFile file : files) {
            try (SortedSpill silent = new SortedSpill()) {
                explain(file, json, all, out, silent, anyError);
            }
        }
        if (json) {
            all.close();
        }
        return anyError[0] ? Cli.FOUND_ERRORS : Cli.OK;
    }

    private static void explain(TraceFile file, boolean json, JsonOutput.Array all, PrintStream out, SortedSpill silent,
            boolean[] anyError) throws CliError {
        Set<Integer> said = new HashSet<>();
        int[] reports = {0};
        file.scan(window -> {
            Trace trace = window.trace();
            anyError[0] |= Checker.check(trace, DiagnosticPolicy.DEFAULT, window.from(), window.to(), CancelCheck.NONE)
                    .stream().anyMatch(f -> f.severity() == Severity.ERROR);
            CauseAnalysis analysis = Causes.of(trace);
            TraceModel model = trace.model();
            for (Report r : analysis.reports()) {
                if (window.owns(r.line())) {
                    reports[0]++;
                    said.add(r.processId());
                    String what = who(model.process(r.processId())) + " reported"
                            + (r.toStderr() ? "" : " to " + r.channel()) + ": “" + r.excerpt(100) + "”";
                    emit(file.name(), entry(trace, "report", r.line(), what, r.causes()), all, out);
                }
            }
            for (ProcessInfo p : model.activeProcesses()) {
                List<Cause> causes = window.owns(p.endLine()) ? analysis.causesOfExit(trace, p.endLine()) : List.of();
                // a process's messages all come before its end: whether it said anything is known here
                if (!causes.isEmpty() && !said.contains(p.id())) {
                    String ending = analysis.ending(p.endLine());
                    String what = who(p) + " " + p.endingText() + " without a message" + (ending != null ? ": " + ending : "");
                    Entry e = entry(trace, "exit", p.endLine(), what, causes);
                    silent.add(p.id(), json ? json(file.name(), e).toString() : text(file.name(), e));
                }
            }
        });
        silent.forEachSorted(json ? t -> all.add(com.google.gson.JsonParser.parseString(t)) : out::print);
        if (!json) {
            int n = reports[0];
            int s = silent.size();
            out.println(file.name() + ": " + n + (n == 1 ? " reported error" : " reported errors")
                    + (s > 0 ? ", " + s + (s == 1 ? " failing process" : " failing processes")
                            + " without a message" : ""));
        }
    }

    private static Entry entry(Trace trace, String kind, int line, String what, List<Cause> causes) {
        List<Shown> shown = new ArrayList<>(causes.size());
        for (Cause c : causes) {
            List<Shown> via = new ArrayList<>();
            for (Cause v = c.via(); v != null && via.size() < 64; v = v.via()) {
                via.add(shown(trace, v, List.of()));
            }
            shown.add(shown(trace, c, via));
        }
        return new Entry(kind, trace.lineNumber(line), what, shown);
    }

    private static Shown shown(Trace trace, Cause c, List<Shown> via) {
        List<String> reasons = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Cause.Reason reason : c.reasons()) {
            reasons.add(reason.toString());
            weights.add(reason.weight());
        }
        return new Shown(trace.lineNumber(c.line()), c.call(), c.score(), reasons, weights, via);
    }

    /** {@code {line, call, score, reasons}} of one cause (1-based line). */
    private static JsonObject json(Shown c) {
        JsonObject j = new JsonObject();
        j.addProperty("line", c.line());
        j.addProperty("call", c.call());
        j.addProperty("score", c.score());
        JsonArray reasons = new JsonArray();
        c.reasons().forEach(reasons::add);
        j.add("reasons", reasons);
        return j;
    }

    private static void emit(String file, Entry e, JsonOutput.Array all, PrintStream out) {
        if (all != null) {
            all.add(json(file, e));
        } else {
            out.print(text(file, e));
        }
    }

    private static JsonObject json(String file, Entry e) {
        JsonObject o = new JsonObject();
        o.addProperty("file", file);
        o.addProperty("line", e.line());
        o.addProperty("kind", e.kind());
        o.addProperty("text", e.what());
        JsonArray list = new JsonArray();
        for (Shown c : e.causes()) {
            JsonObject j = json(c);
            if (!c.via().isEmpty()) {
                JsonArray via = new JsonArray();
                c.via().forEach(v -> via.add(json(v)));
                j.add("via", via);
            }
            list.add(j);
        }
        o.add("causes", list);
        return o;
    }

    /** The lines of one entry as the terminal shows them, each ended by a line break. */
    private static String text(String file, Entry e) {
        java.io.StringWriter w = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(w);
        out.println(file + ":" + e.line() + ": " + e.what());
        List<Shown> causes = e.causes();
        if (causes.isEmpty()) {
            out.println("  no call of this process failed before it");
        }
        for (int k = 0; k < Math.min(SHOWN, causes.size()); k++) {
            Shown c = causes.get(k);
            out.println("  " + (k + 1) + ". line " + c.line() + ": " + c.call() + "  [score " + c.score() + "]");
            for (int r = 0; r < c.reasons().size(); r++) {
                out.println("       " + (c.weights().get(r) == 0 ? "· " : "") + c.reasons().get(r));
            }
            String indent = "       ";
            for (Shown v : c.via()) {
                out.println(indent + "← via line " + v.line() + ": " + v.call() + "  [score " + v.score() + "]");
                indent += "  ";
                for (int r = 0; r < v.reasons().size(); r++) {
                    if (v.weights().get(r) > 0) {
                        out.println(indent + "   " + v.reasons().get(r));
                    }
                }
            }
        }
        if (causes.size() > SHOWN) {
            out.println("  (" + (causes.size() - SHOWN) + " more, lower)");
        }
        out.flush();
        return w.toString();
    }

    private static String who(ProcessInfo p) {
        String program = p.execs().isEmpty() ? "" : " (" + p.execs().get(p.execs().size() - 1).path() + ")";
        return (p.pid() >= 0 ? "pid " + p.pid() : "the process") + program;
    }
}
