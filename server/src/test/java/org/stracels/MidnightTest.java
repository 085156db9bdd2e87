package org.stracels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.Timestamps;
import org.stracels.report.ChromeTrace;
import org.stracels.report.HtmlReport;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;
import org.stracels.view.Summary;

/**
 * A trace whose clock crosses midnight (testdata/midnight.strace, {@code -f -tt -T} from 23:59:58 to 00:00:01, made
 * by strace in a time zone where that was the time): every reading of its times runs on past 00:00, as the one rule
 * of {@link Timestamps} says, instead of jumping back a day.
 */
class MidnightTest {
    private static final Pattern TIME = Pattern.compile("^\\d+ +(\\d\\d):(\\d\\d):(\\d\\d\\.\\d+) ", Pattern.MULTILINE);
    private static final String TEXT = Testdata.read("midnight.strace");

    /** The times of the trace's lines in order, read here on their own, a day added from the first 00:xx on. */
    private static List<Double> times() {
        List<Double> list = new ArrayList<>();
        Matcher m = TIME.matcher(TEXT);
        boolean nextDay = false;
        while (m.find()) {
            int h = Integer.parseInt(m.group(1));
            nextDay |= h == 0;
            list.add((nextDay ? 24 * 3600 : 0) + h * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3)));
        }
        return list;
    }

    @Test
    void theTraceReallyCrossesMidnight() {
        assertThat(TEXT).containsPattern("(?m)^\\d+ +23:59:5").containsPattern("(?m)^\\d+ +00:00:0");
        assertThat(times()).isSorted();
    }

    @Test
    void timesOfDayRunOnPastMidnight() {
        Timestamps.Running running = new Timestamps.Running();
        assertThat(running.next(Timestamps.seconds("23:59:59.5"), true)).isEqualTo(86399.5);
        assertThat(running.next(Timestamps.seconds("00:00:00.25"), true)).isEqualTo(86400.25);
        assertThat(running.next(Timestamps.seconds("00:00:00.20"), true)).as("a little back: no new day").isEqualTo(86400.2);
        Timestamps.Running epoch = new Timestamps.Running();
        epoch.next(1700000000.5, false);
        assertThat(epoch.next(1600000000.0, false)).as("-ttt never wraps").isEqualTo(1600000000.0);

        assertThat(Timestamps.elapsed(86399.0, 1.5, true)).isEqualTo(2.5);
        assertThat(Timestamps.elapsed(5.0, 1.5, false)).isNaN();
        assertThat(Timestamps.elapsed(Double.NaN, 1.5, true)).isNaN();
    }

    @Test
    void theReportsTimeAxisRunsOnPastMidnight() {
        StringWriter out = new StringWriter();
        try {
            HtmlReport.write(Trace.of(TEXT), "midnight.strace", out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Matcher m = Pattern.compile("id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(out.toString());
        assertThat(m.find()).isTrue();
        JsonObject data = JsonParser.parseString(m.group(1)).getAsJsonObject();
        List<Double> times = times();
        double span = times.get(times.size() - 1) - times.get(0);
        assertThat(span).isBetween(1.0, 60.0);
        double unit = data.get("xUnit").getAsDouble();
        double max = 0;
        for (JsonElement row : data.getAsJsonArray("rows")) {
            double x0 = row.getAsJsonObject().get("x0").getAsDouble() * unit;
            double x1 = row.getAsJsonObject().get("x1").getAsDouble() * unit;
            assertThat(x0).isBetween(0.0, x1);
            max = Math.max(max, x1);
        }
        assertThat(max).isCloseTo(span, within(1e-6));
        for (JsonElement mark : data.getAsJsonArray("marks")) {
            assertThat(mark.getAsJsonArray().get(1).getAsDouble() * unit).isBetween(0.0, span + 1e-6);
        }
    }

    @Test
    void theChromeTraceRunsOnPastMidnight() throws Exception {
        StringWriter out = new StringWriter();
        ChromeTrace.export(new BufferedReader(new StringReader(TEXT)), out, false, 1);
        List<Double> times = times();
        double spanMicros = (times.get(times.size() - 1) - times.get(0)) * 1e6;
        double max = 0;
        for (JsonElement e : JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("traceEvents")) {
            JsonObject event = e.getAsJsonObject();
            if (event.has("ts")) {
                double ts = event.get("ts").getAsDouble();
                assertThat(ts).isBetween(0.0, spanMicros + 1);
                max = Math.max(max, ts + (event.has("dur") ? event.get("dur").getAsDouble() : 0));
            }
        }
        assertThat(max).isGreaterThan(spanMicros / 2);
    }

    @Test
    void theSummarySaysHowLongTheShellRanAcrossMidnight() throws Exception {
        Summary.Page page = Summary.of(TraceSource.of(Trace.of(TEXT)), CancelCheck.NONE, WindowScanner.Progress.NONE);
        List<Double> times = times();
        String ran = String.format(Locale.ROOT, "ran %.3f s", times.get(times.size() - 1) - times.get(0));
        assertThat(page.text()).containsPattern("pid \\d+ +sh -c .*" + Pattern.quote(ran));
    }
}
