package org.stracels.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;

/**
 * The cap on the timeline's rows ({@link Timeline#MAX_ROWS}, here made small): a trace with more processes than the
 * cap draws the first ones exactly as the whole report does, nothing that belongs to a later process (marks, long
 * calls, spans, links), and says on the page how many it left out.
 */
class TimelineRowsTest {

    @ParameterizedTest
    @CsvSource({"follow.strace, 2", "busy.strace, 3", "tt-T.strace, 2", "pid-reuse.strace, 2"})
    void aTraceWithMoreProcessesThanTheCapDrawsTheFirstOnes(String name, int cap) throws Exception {
        Trace trace = Trace.of(Testdata.read(name));
        JsonObject all = HtmlReportTest.data(page(trace, Timeline.MAX_ROWS));
        String capped = page(trace, cap);
        JsonObject some = HtmlReportTest.data(capped);
        int total = all.getAsJsonArray("rows").size();
        assertThat(total).as("processes and threads of " + name).isGreaterThan(cap);
        assertThat(all.has("rowsLeftOut")).isFalse();

        assertThat(some.getAsJsonArray("rows")).containsExactlyElementsOf(first(all.getAsJsonArray("rows"), cap));
        assertThat(some.get("rowsLeftOut").getAsInt()).isEqualTo(total - cap);
        assertThat(capped).contains("The timeline draws the first " + cap + " of " + total + " processes and threads");

        // what the capped page draws is what the whole one draws on those rows, names and errnos read as text
        assertThat(items(some, "marks")).isNotEmpty().isEqualTo(onRows(items(all, "marks"), cap));
        assertThat(items(some, "spans")).isEqualTo(onRows(items(all, "spans"), cap));
        assertThat(items(some, "calls")).isEqualTo(onRows(items(all, "calls"), cap));
        for (int end : new int[] {1, 3}) {
            for (List<String> link : items(some, "links")) {
                assertThat(Integer.parseInt(link.get(end))).as("a link's row").isLessThan(cap);
            }
        }
        List<List<String>> links = new ArrayList<>();
        for (List<String> link : items(all, "links")) {
            if (Integer.parseInt(link.get(1)) < cap && Integer.parseInt(link.get(3)) < cap) {
                links.add(link);
            }
        }
        assertThat(items(some, "links")).isEqualTo(links);
    }

    private static String page(Trace trace, int cap) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReport.read(TraceSource.of(trace), CancelCheck.NONE, WindowScanner.Progress.NONE, cap).write("t.strace", out);
        return out.toString();
    }

    private static List<JsonElement> first(JsonArray rows, int n) {
        List<JsonElement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(rows.get(i));
        }
        return list;
    }

    /** The arrays of {@code key} as strings, a mark's name and errno as the texts they stand for. */
    private static List<List<String>> items(JsonObject data, String key) {
        JsonArray names = data.getAsJsonArray("names");
        JsonArray errnos = data.getAsJsonArray("errnos");
        List<List<String>> list = new ArrayList<>();
        for (JsonElement e : data.getAsJsonArray(key)) {
            List<String> item = new ArrayList<>();
            JsonArray a = e.getAsJsonArray();
            for (int k = 0; k < a.size(); k++) {
                String v = a.get(k).getAsString();
                if (key.equals("marks") && k == 4 && !v.equals("-1")) {
                    v = names.get(Integer.parseInt(v)).getAsString();
                } else if (key.equals("marks") && k == 5 && !v.equals("-1")) {
                    v = errnos.get(Integer.parseInt(v)).getAsString();
                } else if (key.equals("calls") && k == 4) {
                    v = names.get(Integer.parseInt(v)).getAsString();
                }
                item.add(v);
            }
            list.add(item);
        }
        return list;
    }

    private static List<List<String>> onRows(List<List<String>> items, int cap) {
        return items.stream().filter(i -> Integer.parseInt(i.get(0)) < cap).toList();
    }
}
