package org.stracels.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.cli.Cli;

/** The chrome-trace export against the Trace Event Format, and against {@code strace-ls stats}. */
class ChromeTraceTest {

    static JsonObject export(String name, boolean linesAsTime) throws IOException {
        StringWriter out = new StringWriter();
        try (BufferedReader in = new BufferedReader(new StringReader(Testdata.read(name)))) {
            ChromeTrace.export(in, out, linesAsTime, ChromeTrace.pidOfFileName(name, 1));
        }
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    static JsonObject stats(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"stats", "--json", Testdata.file(name).toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tt-T.strace", "xauth-lock.strace", "busy.strace", "hostile.strace", "ttt.strace",
        "r.strace", "t-r.strace", "precision.strace", "all-prefix.strace", "net-timeout.strace", "signals.strace"})
    void eventsFollowTheFormatAndCountWhatStatsCounts(String name) throws IOException {
        JsonObject trace = export(name, false);
        JsonArray events = trace.getAsJsonArray("traceEvents");
        assertThat(events).isNotEmpty();
        Map<String, Integer> calls = new HashMap<>();
        Map<String, List<double[]>> completeByThread = new HashMap<>();
        int signals = 0;
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            assertThat(o.keySet()).as(o.toString()).contains("ph", "ts", "pid", "tid", "name");
            String ph = o.get("ph").getAsString();
            assertThat(ph).isIn("X", "i", "M", "s", "f");
            assertThat(o.get("ts").getAsDouble()).isGreaterThanOrEqualTo(0);
            String cat = o.has("cat") ? o.get("cat").getAsString() : "";
            if (ph.equals("X")) {
                assertThat(o.has("dur")).as(o.toString()).isTrue();
                assertThat(o.get("dur").getAsDouble()).isGreaterThanOrEqualTo(0);
                completeByThread.computeIfAbsent(o.get("pid") + "/" + o.get("tid"), k -> new ArrayList<>())
                        .add(new double[] {o.get("ts").getAsDouble(), o.get("dur").getAsDouble()});
            }
            if (cat.equals("syscall")) {
                calls.merge(o.get("name").getAsString(), 1, Integer::sum);
                assertThat(o.getAsJsonObject("args").has("line")).isTrue();
            }
            if (cat.equals("signal") && ph.equals("i")) {
                signals++;
            }
        }
        // nesting per thread: sorted by start, every event ends before the next one starts or inside it
        for (List<double[]> list : completeByThread.values()) {
            list.sort(Comparator.comparingDouble((double[] a) -> a[0]).thenComparingDouble(a -> -a[1]));
            Deque<Double> open = new ArrayDeque<>();
            for (double[] x : list) {
                while (!open.isEmpty() && open.peek() <= x[0]) {
                    open.pop();
                }
                double end = x[0] + x[1];
                assertThat(open.isEmpty() || end <= open.peek()).as("event at %s µs crosses its enclosing one", x[0]).isTrue();
                open.push(end);
            }
        }
        JsonObject stats = stats(name);
        Map<String, Integer> expected = new HashMap<>();
        for (Map.Entry<String, JsonElement> s : stats.getAsJsonObject("syscalls").entrySet()) {
            int n = s.getValue().getAsJsonObject().get("calls").getAsInt();
            if (n > 0) {
                expected.put(s.getKey(), n);
            }
        }
        assertThat(calls).isEqualTo(expected);
        int expectedSignals = 0;
        JsonElement signalStats = stats.get("signals");
        if (signalStats != null && signalStats.isJsonObject()) {
            for (Map.Entry<String, JsonElement> s : signalStats.getAsJsonObject().entrySet()) {
                expectedSignals += s.getValue().getAsInt();
            }
        }
        assertThat(signals).isEqualTo(expectedSignals);
    }

    @Test
    void completeEventsCarryTheCallAndTimesComeFromTheTrace() throws IOException {
        JsonArray events = export("xauth-lock.strace", false).getAsJsonArray("traceEvents");
        JsonObject link = null;
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("name").getAsString().equals("link") && o.get("ph").getAsString().equals("X")) {
                link = o;
                break;
            }
        }
        assertThat(link).isNotNull();
        JsonObject args = link.getAsJsonObject("args");
        assertThat(args.get("errno").getAsString()).isEqualTo("EEXIST");
        assertThat(args.get("result").getAsString()).isEqualTo("-1");
        assertThat(args.get("args").getAsString()).contains("-c").contains("-l");
        // the -T duration of that line, in µs
        int line = args.get("line").getAsInt();
        String text = Testdata.read("xauth-lock.strace").split("\n")[line - 1];
        String duration = text.substring(text.lastIndexOf('<') + 1, text.lastIndexOf('>'));
        assertThat(link.get("dur").getAsDouble()).isCloseTo(Double.parseDouble(duration) * 1e6, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void namesClonesAndExitsOfAMultiProcessTrace() throws IOException {
        JsonArray events = export("tt-T.strace", false).getAsJsonArray("traceEvents");
        List<String> processNames = new ArrayList<>();
        int starts = 0;
        int finishes = 0;
        int exits = 0;
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            String ph = o.get("ph").getAsString();
            if (ph.equals("M") && o.get("name").getAsString().equals("process_name")) {
                processNames.add(o.getAsJsonObject("args").get("name").getAsString());
            }
            starts += ph.equals("s") ? 1 : 0;
            finishes += ph.equals("f") ? 1 : 0;
            if (ph.equals("i") && o.get("cat").getAsString().equals("exit")) {
                exits++;
            }
        }
        assertThat(processNames).contains("sh", "cat", "wc", "ls");
        JsonArray processes = stats("tt-T.strace").getAsJsonArray("processes");
        assertThat(starts).isEqualTo(processes.size() - 1).isEqualTo(finishes);
        assertThat(exits).isEqualTo(processes.size());
    }

    @Test
    void linesAsTimeUsesLineNumbers() throws IOException {
        JsonArray events = export("follow.strace", true).getAsJsonArray("traceEvents");
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("args") && o.getAsJsonObject("args").has("line") && !o.get("ph").getAsString().equals("X")) {
                assertThat(o.get("ts").getAsDouble()).isEqualTo(o.getAsJsonObject("args").get("line").getAsDouble());
            }
        }
    }
}
