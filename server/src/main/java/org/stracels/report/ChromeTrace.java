package org.stracels.report;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.LineParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;
import org.stracels.parse.Timestamps;

/**
 * {@code strace-ls export --format chrome-trace}: the Trace Event Format (JSON) that Perfetto and chrome://tracing
 * open. Streamed: the trace is read line by line ({@link LineParser}, no index of the whole file) and each event is
 * written as soon as it is known; what is kept is per thread (a call waiting for its resumed half, the last complete
 * event, whose duration may have to be cut so that events on one thread nest), never per line.
 *
 * <p>Processes are {@code pid}s and threads {@code tid}s (a clone with {@code CLONE_THREAD} puts its child in the
 * creator's process); names come from successful execve calls ({@code M} events). A call with a {@code -T} duration
 * is a complete event ({@code X}), a call cut in two halves spans from its entry to its end, other calls, signals and
 * exits are instant events ({@code i}); a clone, fork or vfork is a flow ({@code s}, {@code f}) to its child's first
 * event. Times are microseconds since the trace's first timestamp; with {@code linesAsTime} (a trace without
 * timestamps), the line number stands for the time, one line a microsecond, and only cut calls have a duration.
 */
public final class ChromeTrace {
    /** Longest argument text kept in an event's args. */
    static final int MAX_ARGS = 2000;

    private final JsonWriter w;
    private final boolean linesAsTime;
    private final int defaultPid;
    private final Map<Integer, Integer> processOfTid = new HashMap<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final Map<Integer, Complete> lastComplete = new HashMap<>();
    private final Set<Integer> seen = new HashSet<>();
    private final Map<Integer, Double> firstTs = new HashMap<>();
    private final Map<Integer, Double> flowsWaiting = new HashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private double t0 = Double.NaN;
    private final Timestamps.Running running = new Timestamps.Running();
    private double relativeSum;
    private double lastTs;
    private long lineNumber;
    private long events;

    /** A call's entry half, waiting for its resumed half. */
    private record Pending(double ts, String name, String args, long line) { }

    /** The last complete event of a thread, written when the next one shows it need not be cut. */
    private static final class Complete {
        int pid;
        int tid;
        double ts;
        double dur;
        String name;
        Map<String, Object> args;
    }

    private ChromeTrace(JsonWriter w, boolean linesAsTime, int defaultPid) {
        this.w = w;
        this.linesAsTime = linesAsTime;
        this.defaultPid = defaultPid;
    }

    /** What was written: events by kind and calls by syscall. */
    public record Summary(long events, Map<String, Integer> calls) { }

    /**
     * Whether the first lines of a trace carry timestamps ({@code -t}, {@code -tt}, {@code -ttt} or {@code -r}): the
     * first line with a prefix decides.
     */
    public static boolean hasTimestamps(BufferedReader in) throws IOException {
        String line;
        for (int i = 0; i < 1000 && (line = in.readLine()) != null; i++) {
            ParsedLine p = LineParser.parse(line, 0, line.length());
            if (p.kind().hasPrefix() && p.kind() != LineKind.MALFORMED) {
                return p.absoluteTimeSpan().isPresent() || p.relativeTimeSpan().isPresent();
            }
        }
        return false;
    }

    /**
     * Reads the trace from {@code in} and writes its events to {@code out}. {@code defaultPid} is the pid of lines
     * without one (a single-process trace, or the pid of an {@code -ff} file).
     */
    public static Summary export(BufferedReader in, Writer out, boolean linesAsTime, int defaultPid) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("displayTimeUnit").value("ms");
        w.name("otherData").beginObject().name("producer").value("strace-ls")
                .name("time").value(linesAsTime ? "line numbers (1 line = 1 µs)" : "µs since the first timestamp").endObject();
        w.name("traceEvents").beginArray();
        ChromeTrace t = new ChromeTrace(w, linesAsTime, defaultPid);
        String line;
        while ((line = in.readLine()) != null) {
            t.lineNumber++;
            t.line(line);
        }
        t.finish();
        w.endArray();
        w.endObject();
        w.flush();
        return new Summary(t.events, t.counts);
    }

    private void line(String text) throws IOException {
        ParsedLine p = LineParser.parse(text, 0, text.length());
        LineKind kind = p.kind();
        if (!kind.hasPrefix() || kind == LineKind.MALFORMED || kind == LineKind.PERSONALITY) {
            return;
        }
        double ts = time(text, p);
        int tid = p.pid() >= 0 ? p.pid() : defaultPid;
        int pid = processOfTid.getOrDefault(tid, tid);
        if (seen.add(tid)) {
            firstTs.put(tid, ts);
            metadata("thread_name", pid, tid, (pid == tid ? "pid " : "thread ") + tid);
            if (pid == tid) {
                metadata("process_name", pid, tid, "pid " + tid);
            }
            Double flow = flowsWaiting.remove(tid);
            if (flow != null) {
                flowEnd(pid, tid, ts);
            }
        }
        switch (kind) {
            case SYSCALL, DETACHED, PID_CHANGED -> {
                String args = cut(p.argsSpan().text(text));
                call(pid, tid, ts, p, text, p.name(), args, kind == LineKind.SYSCALL ? p.durationNanos() : -1, -1);
            }
            case UNFINISHED -> {
                Pending old = pending.put(tid, new Pending(ts, p.name(), cut(p.argsSpan().text(text)), lineNumber));
                if (old != null) {
                    lone(pid, tid, old);
                }
            }
            case RESUMED -> {
                Pending entry = pending.remove(tid);
                if (entry != null && !entry.name().equals(p.name())) {
                    lone(pid, tid, entry);
                    entry = null;
                }
                String args = entry == null ? "… " + p.argsSpan().text(text) : entry.args() + " … " + p.argsSpan().text(text);
                call(pid, tid, entry == null ? ts : entry.ts(), p, text, p.name(), cut(args), p.durationNanos(),
                        entry == null ? -1 : ts);
            }
            case SIGNAL -> instant(pid, tid, ts, p.name(), "signal", Map.of("siginfo", p.argsSpan().text(text)));
            case STOPPED -> instant(pid, tid, ts, "stopped by " + p.name(), "stopped", Map.of());
            case EXITED -> {
                flushComplete(tid);
                instant(pid, tid, ts, "exited with " + p.number(), "exit", Map.of("status", p.number()));
            }
            case KILLED -> {
                flushComplete(tid);
                instant(pid, tid, ts, "killed by " + p.name(), "exit",
                        Map.of("signal", p.name(), "coreDumped", p.coreDumped()));
            }
            case SUPERSEDED -> instant(pid, tid, ts, "superseded by execve in pid " + p.number(), "exit", Map.of());
            default -> {
            }
        }
    }

    /** A call that ended on this line: complete when its duration is known, else instant. */
    private void call(int pid, int tid, double ts, ParsedLine p, String text, String name, String args, long nanos,
            double endTs) throws IOException {
        counts.merge(name, 1, Integer::sum);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("line", lineNumber);
        a.put("args", args);
        if (p.returnValueSpan().isPresent()) {
            a.put("result", p.returnValueSpan().text(text)
                    + (p.returnDecorationSpan().isPresent() ? p.returnDecorationSpan().text(text) : ""));
        }
        if (p.errno() != null) {
            a.put("errno", p.errno());
            if (p.errnoTextSpan().isPresent()) {
                a.put("error", p.errnoTextSpan().text(text));
            }
        }
        double dur = nanos >= 0 && !linesAsTime ? nanos / 1000.0 : endTs >= 0 ? Math.max(0, lastTs - ts) : -1;
        if (dur >= 0) {
            Complete c = new Complete();
            c.pid = pid;
            c.tid = tid;
            c.ts = ts;
            c.dur = dur;
            c.name = name;
            c.args = a;
            Complete before = lastComplete.put(tid, c);
            if (before != null) {
                before.dur = Math.max(0, Math.min(before.dur, ts - before.ts)); // never past the next call's start
                complete(before);
            }
        } else {
            instant(pid, tid, ts, name, "syscall", a);
        }
        if (p.returnKind() == ReturnKind.VALUE) {
            afterCall(pid, tid, ts, name, args, p, text);
        }
    }

    /** What a successful call means for the rest: a process's name (execve), a child (clone, fork). */
    private void afterCall(int pid, int tid, double ts, String name, String args, ParsedLine p, String text)
            throws IOException {
        if (name.equals("execve") || name.equals("execveat")) {
            String path = ArgParser.firstString(args, new Span(0, args.length()));
            if (path != null) {
                String program = path.substring(path.lastIndexOf('/') + 1);
                metadata("process_name", pid, tid, program);
                metadata("thread_name", pid, tid, program + " " + tid);
            }
        } else if (name.equals("clone") || name.equals("clone3") || name.equals("fork") || name.equals("vfork")) {
            int child;
            try {
                child = Integer.parseInt(p.returnValueSpan().text(text));
            } catch (NumberFormatException e) {
                return;
            }
            if (child <= 0) {
                return;
            }
            if (args.contains("CLONE_THREAD")) {
                processOfTid.put(child, pid);
            }
            w.beginObject().name("ph").value("s").name("name").value(name).name("cat").value("clone")
                    .name("id").value(child).name("pid").value(pid).name("tid").value(tid).name("ts").value(ts).endObject();
            events++;
            if (seen.contains(child)) {
                flowEnd(processOfTid.getOrDefault(child, child), child, firstTs.get(child));
            } else {
                flowsWaiting.put(child, ts);
            }
        }
    }

    private void flowEnd(int pid, int tid, double ts) throws IOException {
        w.beginObject().name("ph").value("f").name("bp").value("e").name("name").value("clone").name("cat").value("clone")
                .name("id").value(tid).name("pid").value(pid).name("tid").value(tid).name("ts").value(ts).endObject();
        events++;
    }

    /** An entry half that never got its resumed half: the call, as an instant at its entry. */
    private void lone(int pid, int tid, Pending p) throws IOException {
        counts.merge(p.name(), 1, Integer::sum);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("line", p.line());
        a.put("args", p.args());
        a.put("result", "never resumed");
        instant(pid, tid, p.ts(), p.name(), "syscall", a);
    }

    private void flushComplete(int tid) throws IOException {
        Complete c = lastComplete.remove(tid);
        if (c != null) {
            complete(c);
        }
    }

    private void finish() throws IOException {
        for (Complete c : new ArrayList<>(lastComplete.values())) {
            complete(c);
        }
        lastComplete.clear();
        for (Map.Entry<Integer, Pending> e : new ArrayList<>(pending.entrySet())) {
            int tid = e.getKey();
            lone(processOfTid.getOrDefault(tid, tid), tid, e.getValue());
        }
        pending.clear();
    }

    private void complete(Complete c) throws IOException {
        w.beginObject().name("ph").value("X").name("name").value(c.name).name("cat").value("syscall")
                .name("pid").value(c.pid).name("tid").value(c.tid).name("ts").value(c.ts).name("dur").value(c.dur);
        args(c.args);
        w.endObject();
        events++;
    }

    private void instant(int pid, int tid, double ts, String name, String cat, Map<String, Object> args) throws IOException {
        w.beginObject().name("ph").value("i").name("s").value("t").name("name").value(name).name("cat").value(cat)
                .name("pid").value(pid).name("tid").value(tid).name("ts").value(ts);
        args(args);
        w.endObject();
        events++;
    }

    private void metadata(String what, int pid, int tid, String name) throws IOException {
        w.beginObject().name("ph").value("M").name("name").value(what).name("pid").value(pid).name("tid").value(tid)
                .name("ts").value(0).name("args").beginObject().name("name").value(name).endObject().endObject();
        events++;
    }

    private void args(Map<String, Object> args) throws IOException {
        w.name("args").beginObject();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            w.name(e.getKey());
            Object v = e.getValue();
            if (v instanceof Number num) {
                w.value(num);
            } else if (v instanceof Boolean b) {
                w.value(b);
            } else {
                w.value(String.valueOf(v));
            }
        }
        w.endObject();
    }

    /** µs since the first timestamp (a clock going back by hours crossed midnight), or the line number. */
    private double time(String text, ParsedLine p) {
        if (linesAsTime) {
            lastTs = lineNumber;
            return lastTs;
        }
        double t = Double.NaN;
        // -r counts from line to line exactly (finer than -t's whole seconds): it wins when present
        if (p.absoluteTimeSpan().isPresent() && !p.relativeTimeSpan().isPresent()) {
            String s = p.absoluteTimeSpan().text(text);
            boolean clock = Timestamps.isClock(s);
            t = Timestamps.seconds(s);
            if (!Double.isNaN(t)) {
                t = running.next(t, clock);
            }
        } else if (p.relativeTimeSpan().isPresent()) {
            String s = p.relativeTimeSpan().text(text).replace("(+", "").replace(")", "").trim();
            try {
                relativeSum += Double.parseDouble(s);
                t = relativeSum;
            } catch (NumberFormatException e) {
                t = Double.NaN;
            }
        }
        if (Double.isNaN(t)) {
            return lastTs;
        }
        if (Double.isNaN(t0)) {
            t0 = t;
        }
        lastTs = Math.round((t - t0) * 1e9) / 1000.0; // µs, kept to the ns strace may print
        return lastTs;
    }

    private static String cut(String s) {
        return s.length() <= MAX_ARGS ? s : s.substring(0, MAX_ARGS) + "…";
    }

    /** The pid of an {@code -ff} file ({@code trace.1234}), or {@code fallback}. */
    public static int pidOfFileName(String name, int fallback) {
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot + 1 < name.length()) {
            String tail = name.substring(dot + 1);
            if (tail.chars().allMatch(Character::isDigit) && tail.length() < 10) {
                return Integer.parseInt(tail);
            }
        }
        return fallback;
    }
}
