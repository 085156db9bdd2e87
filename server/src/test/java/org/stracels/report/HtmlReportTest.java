package org.stracels.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stracels.Testdata;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.stream.TraceWindow;

/** The report's HTML, read as text: trace text escaped where it lands, the policy, the data the timeline gets. */
class HtmlReportTest {
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
            Pattern.DOTALL);

    static String report(String name) throws IOException {
        Trace trace = Trace.of(Testdata.read(name));
        StringWriter out = new StringWriter();
        HtmlReport.write(trace, Path.of(name).getFileName().toString(), out);
        return out.toString();
    }

    static JsonObject data(String html) {
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the data element").isTrue();
        return JsonParser.parseString(m.group(1)).getAsJsonObject();
    }

    @Test
    void hostileTextStaysText() throws IOException {
        String html = report("hostile.strace");
        // exactly our three script elements: the data, uPlot, the timeline; no tag the trace's text opened
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
        }
        assertThat(count).isEqualTo(3);
        assertThat(html).doesNotContain("<img").doesNotContainPattern("<[^>]*onerror").doesNotContain("<!--x")
                .doesNotContain("<b>b</b>").doesNotContain("href=\"javascript:").doesNotContain("<script>alert");
        // the file names are in the page, as text
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;").contains("&lt;!--x");
        // the inline JSON holds no "<" at all, so neither </script> nor <!-- can end or bend it
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e");
        // and reads back to the very strings of the trace
        assertThat(data(html).toString()).contains("</script><script>alert(1)</script>");
    }

    @Test
    void policyAllowsNothingButTheInlinedScriptsAndStyles() throws IOException {
        String html = report("hostile.strace");
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(csp.find()).isTrue();
        String policy = csp.group(1);
        assertThat(policy).startsWith("default-src 'none';").contains("script-src 'sha256-").contains("style-src 'sha256-")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http").doesNotContain("*");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<script"));
        assertThat(html).doesNotContainPattern("(?i)\\b(src|href)=\"(https?:)?//");
    }

    @Test
    void timelineDataHasARowPerProcessAndTheMarksTheTraceImplies() throws IOException {
        String html = report("killed.strace");
        JsonObject d = data(html);
        Trace trace = Trace.of(Testdata.read("killed.strace"));
        assertThat(d.getAsJsonArray("rows")).hasSize(trace.model().processes().size());
        long killed = trace.model().processes().stream().filter(p -> p.ending() == ProcessInfo.Ending.KILLED).count();
        assertThat(killed).isEqualTo(2);
        assertThat(kinds(d, Timeline.KILLED)).isEqualTo(killed);
        assertThat(d.get("time").getAsBoolean()).isFalse();
        assertThat(d.get("axis").getAsString()).contains("line number");
        // the clone line from timeout to its child
        assertThat(d.getAsJsonArray("links")).anySatisfy(l -> assertThat(l.getAsJsonArray().get(0).getAsInt()).isZero());
    }

    @Test
    void failedCallsAreMarkedAndCausesAttachedToThem() throws IOException {
        Trace trace = Trace.of(Testdata.read("xauth-lock.strace"));
        JsonObject d = data(report("xauth-lock.strace"));
        long failed = 0;
        for (int i = 0; i < trace.parsed().lineCount(); i++) {
            if (trace.parsed().returnKind(i) == org.stracels.parse.ReturnKind.ERROR && trace.model().processOf(i) >= 0) {
                failed++;
            }
        }
        assertThat(kinds(d, Timeline.FAILED) + kinds(d, Timeline.ROUTINE)).isEqualTo(failed);
        assertThat(kinds(d, Timeline.NONZERO_EXIT)).isEqualTo(1);
        assertThat(d.get("time").getAsBoolean()).isTrue();
        assertThat(d.get("axis").getAsString()).contains("-tt");
        // the link() EEXIST the message came from carries its cause text
        JsonObject causes = d.getAsJsonObject("causes");
        assertThat(causes.entrySet()).isNotEmpty();
        assertThat(causes.toString()).contains("likely cause 1");
        assertThat(d.getAsJsonArray("calls")).isNotEmpty();
    }

    @Test
    void theAxisIsTimeFromEachKindOfTimestampAndRunsForward() throws IOException {
        for (String[] c : new String[][] {{"r.strace", "-r"}, {"t-r.strace", "-r"}, {"ttt.strace", "-ttt"},
            {"tt-T.strace", "-tt"}, {"precision.strace", "-r"}}) {
            Trace trace = Trace.of(Testdata.read(c[0]));
            TimeAxis axis = TimeAxis.of(trace.model().options());
            double[] x = axis.advance(TraceWindow.whole(trace));
            assertThat(axis.time).as(c[0]).isTrue();
            assertThat(axis.describe()).as(c[0]).contains(c[1]);
            double previous = 0;
            for (int i = 0; i < trace.parsed().lineCount(); i++) {
                assertThat(x[i]).as(c[0] + " line " + (i + 1)).isGreaterThanOrEqualTo(previous);
                previous = x[i];
            }
            assertThat(previous).as(c[0]).isGreaterThan(0).isLessThan(60);
        }
        Trace plain = Trace.of(Testdata.read("plain.strace"));
        TimeAxis lines = TimeAxis.of(plain.model().options());
        assertThat(lines.time).isFalse();
        assertThat(lines.advance(TraceWindow.whole(plain))[41]).isEqualTo(42);
    }

    @Test
    void summaryTableOfMinusCIsShown() throws IOException {
        assertThat(report("c-f.strace")).contains("strace's own summary (-c)").contains("% time");
    }

    @ParameterizedTest
    @MethodSource("org.stracels.Testdata#traces")
    void everyTraceMakesAReport(Path file) throws IOException {
        Trace trace = Trace.of(Testdata.read(file));
        StringWriter out = new StringWriter();
        HtmlReport.write(trace, file.getFileName().toString(), out);
        JsonObject d = data(out.toString());
        assertThat(d.getAsJsonArray("rows")).hasSize(trace.model().processes().size());
        for (JsonElement s : d.getAsJsonArray("spans")) {
            JsonArray a = s.getAsJsonArray();
            assertThat(a.get(2).getAsLong()).isGreaterThanOrEqualTo(a.get(1).getAsLong());
        }
    }

    private static long kinds(JsonObject d, int kind) {
        long n = 0;
        for (JsonElement m : d.getAsJsonArray("marks")) {
            if (m.getAsJsonArray().get(3).getAsInt() == kind) {
                n++;
            }
        }
        return n;
    }
}
