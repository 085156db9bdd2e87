package org.stracels.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.stracels.analysis.DetectedOptions;
import org.stracels.analysis.ProcessInfo;
import org.stracels.stream.WindowScanner;
import org.stracels.view.TraceStats;
import org.stracels.hover.DocCoverage;
import org.stracels.parse.LineKind;

/** {@code strace-ls stats}: what a trace holds, as aligned text sections or one JSON object. */
final class StatsCommand {
    private StatsCommand() {
    }

    static int run(TraceFile file, boolean json, boolean coverage, PrintStream out) throws CliError {
        TraceStats.Counter counter = new TraceStats.Counter();
        DocCoverage.Counter covered = coverage ? new DocCoverage.Counter() : null;
        WindowScanner.Result read = file.scan(window -> {
            counter.add(window);
            if (covered != null) {
                covered.add(window.trace(), window.from(), window.to());
            }
        });
        TraceStats stats = counter.finish(read.finalState().processes(), read.lines());
        if (json) {
            JsonObject o = toJson(file.name(), stats);
            if (covered != null) {
                o.add("coverage", CoverageReport.toJson(covered.result()));
            }
            if (read.notice() != null) {
                o.addProperty("notice", read.notice());
            }
            out.print(JsonOutput.GSON.toJson(o) + "\n");
        } else {
            out.print(toText(file.name(), stats));
            if (covered != null) {
                out.print(CoverageReport.toText(covered.result()));
            }
            if (read.notice() != null) {
                out.print("\nnote: " + read.notice() + "\n");
            }
        }
        return Cli.OK;
    }

    static String toText(String file, TraceStats s) {
        StringBuilder b = new StringBuilder();
        b.append(file).append(": ").append(s.lines).append(s.lines == 1 ? " line\n" : " lines\n");
        b.append("\noptions: ").append(s.options.flags().isEmpty() ? "(none visible)" : String.join(" ", s.options.flags()))
                .append('\n');

        b.append("\nline kinds:\n");
        TextTable kinds = new TextTable("kind", "lines");
        s.kinds.forEach((kind, count) -> kinds.row(kind.id(), count));
        kinds.appendTo(b);

        b.append("\nprocesses: ").append(s.processes.size()).append('\n');
        if (!s.processes.isEmpty()) {
            TextTable p = new TextTable("pid", "parent", "type", "lines", "ending", "programs");
            for (ProcessInfo info : s.processes) {
                p.row(info.pid() < 0 ? "?" : info.pid(), parent(info),
                        info.isThread() ? "thread" : "process", info.lineCount(), info.endingText(), programs(info));
            }
            p.appendTo(b);
        }

        b.append("\nfailed calls: ").append(s.totalErrors).append('\n');
        if (!s.failedCalls.isEmpty()) {
            TextTable f = new TextTable("errno", "calls");
            s.failedCalls.forEach(e -> f.row(e.getKey(), e.getValue()));
            f.appendTo(b);
        }

        b.append("\nsyscalls: ").append(s.totalCalls).append(s.totalCalls == 1 ? " call" : " calls")
                .append(", ").append(s.syscalls.size()).append(" distinct\n");
        if (!s.syscalls.isEmpty()) {
            TextTable t = s.timed ? new TextTable("syscall", "calls", "errors", "seconds") : new TextTable("syscall", "calls", "errors");
            for (TraceStats.Syscall call : s.syscalls) {
                if (s.timed) {
                    t.row(call.name, call.calls, call.errors, seconds(call.nanos));
                } else {
                    t.row(call.name, call.calls, call.errors);
                }
            }
            t.appendTo(b);
        }

        if (!s.signals.isEmpty()) {
            b.append("\nsignals:\n");
            TextTable sig = new TextTable("signal", "count");
            s.signals.forEach(e -> sig.row(e.getKey(), e.getValue()));
            sig.appendTo(b);
        }

        b.append("\ntotal -T time: ").append(s.timed ? seconds(s.totalNanos) + " s" : "none (no -T durations in the trace)")
                .append('\n');
        return b.toString();
    }

    static JsonObject toJson(String file, TraceStats s) {
        JsonObject o = new JsonObject();
        o.addProperty("file", file);
        o.addProperty("lines", s.lines);
        JsonObject kinds = new JsonObject();
        s.kinds.forEach((kind, count) -> kinds.addProperty(kind.id(), count));
        o.add("kinds", kinds);
        o.add("options", options(s.options));
        JsonArray processes = new JsonArray();
        for (ProcessInfo p : s.processes) {
            processes.add(process(p));
        }
        o.add("processes", processes);
        JsonObject failed = new JsonObject();
        s.failedCalls.forEach(e -> failed.addProperty(e.getKey(), e.getValue()));
        o.add("failedCalls", failed);
        JsonObject syscalls = new JsonObject();
        for (TraceStats.Syscall call : s.syscalls) {
            JsonObject c = new JsonObject();
            c.addProperty("calls", call.calls);
            c.addProperty("errors", call.errors);
            c.add("seconds", s.timed ? secondsJson(call.nanos) : JsonNull.INSTANCE);
            syscalls.add(call.name, c);
        }
        o.add("syscalls", syscalls);
        JsonObject signals = new JsonObject();
        s.signals.forEach(e -> signals.addProperty(e.getKey(), e.getValue()));
        o.add("signals", signals);
        o.add("totalSeconds", s.timed ? secondsJson(s.totalNanos) : JsonNull.INSTANCE);
        return o;
    }

    private static JsonObject options(DetectedOptions options) {
        JsonObject o = JsonOutput.GSON.toJsonTree(options).getAsJsonObject();
        o.addProperty("pidForm", options.pidForm().name().toLowerCase(Locale.ROOT));
        JsonArray flags = new JsonArray();
        options.flags().forEach(flags::add);
        o.add("flags", flags);
        return o;
    }

    private static JsonObject process(ProcessInfo p) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id());
        o.add("pid", p.pid() < 0 ? JsonNull.INSTANCE : new JsonPrimitive(p.pid()));
        o.add("parentId", p.parentId() < 0 ? JsonNull.INSTANCE : new JsonPrimitive(p.parentId()));
        o.add("parentPid", p.parentPid() < 0 ? JsonNull.INSTANCE : new JsonPrimitive(p.parentPid()));
        o.addProperty("thread", p.isThread());
        o.addProperty("lines", p.lineCount());
        JsonArray programs = new JsonArray();
        p.execs().forEach(e -> programs.add(e.path()));
        o.add("programs", programs);
        o.addProperty("ending", p.ending().name().toLowerCase(Locale.ROOT));
        o.addProperty("endingText", p.endingText());
        o.add("exitStatus", p.ending() == ProcessInfo.Ending.EXITED ? new JsonPrimitive(p.exitStatus()) : JsonNull.INSTANCE);
        o.add("signal", p.signal() == null ? JsonNull.INSTANCE : new JsonPrimitive(p.signal()));
        return o;
    }

    /** The parent's pid; "?" when the parent is known but its pid is not shown; "-" when no parent is known. */
    private static Object parent(ProcessInfo p) {
        if (p.parentPid() >= 0) {
            return p.parentPid();
        }
        return p.parentId() >= 0 ? "?" : "-";
    }

    private static String programs(ProcessInfo p) {
        StringBuilder b = new StringBuilder();
        for (ProcessInfo.Exec e : p.execs()) {
            // an execve whose start is not in the trace shows no path
            b.append(b.length() == 0 ? "" : ", ").append(e.path().isEmpty() ? "?" : e.path());
        }
        return b.toString();
    }

    /** Nanoseconds as seconds with 6 decimals, e.g. "0.001234". */
    static String seconds(long nanos) {
        return secondsDecimal(nanos).toPlainString();
    }

    private static JsonElement secondsJson(long nanos) {
        return new JsonPrimitive(secondsDecimal(nanos));
    }

    private static BigDecimal secondsDecimal(long nanos) {
        return BigDecimal.valueOf(nanos, 9).setScale(6, RoundingMode.HALF_UP);
    }
}
