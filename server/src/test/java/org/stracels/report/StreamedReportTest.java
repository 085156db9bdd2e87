package org.stracels.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceInput;
import org.stracels.stream.TraceInputException;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;

/**
 * The report of a file read window by window is the report of its whole text in memory, byte for byte: for every
 * trace of testdata and every foreign log beside the repository; with windows a third of the trace long (the
 * cause analysis still sees all it looks back at); and with tiny windows, where only what the cause analysis and
 * the option sampling see can differ: everything else of the page (axis, rows, spans, marks, long calls, links,
 * tree, where the time went) stays the same, for each trace and for all of them in one file of many windows.
 */
class StreamedReportTest {
    /** The logs of other projects beside the repository (as .ci/foreign-traces.sh finds them), when present. */
    private static final Path FOREIGN = Path.of(System.getProperty("foreign.dir",
            System.getenv().getOrDefault("STRACE_LS_FOREIGN_TRACES", "../../shared/foreign-traces")));
    private static final WindowScanner.Options TINY = new WindowScanner.Options(37, 16, 17);

    @TempDir
    Path dir;

    static Stream<Path> traces() throws IOException {
        List<Path> all = new ArrayList<>(Testdata.traces());
        if (Files.isDirectory(FOREIGN)) {
            try (Stream<Path> files = Files.list(FOREIGN)) {
                files.filter(Files::isRegularFile).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aFileReadInWindowsMakesThePageOfItsText(Path file) throws Exception {
        Counted source = new Counted(TraceSource.of(TraceInput.open(file.toString()), WindowScanner.Options.DEFAULT));
        assertThat(streamed(source, file)).isEqualTo(whole(file));
        assertThat(source.windows).isEqualTo(1);
    }

    @Test
    void windowsOfAThirdOfTheTraceMakeTheSamePage() throws Exception {
        // -tt with -T and threads; -f without times; -r times that add up; -tt -T of one process
        for (String name : List.of("busy.strace", "follow.strace", "precision.strace", "tt-T.strace")) {
            Path file = Testdata.file(name);
            int k = Files.readAllLines(file, StandardCharsets.UTF_8).size() / 3;
            Counted source = new Counted(TraceSource.of(TraceInput.open(file.toString()), new WindowScanner.Options(k, k, k)));
            assertThat(streamed(source, file)).as(name).isEqualTo(whole(file));
            assertThat(source.windows).as(name).isGreaterThanOrEqualTo(3);
        }
    }

    /**
     * Testdata only: in a foreign log whose first lines show no pid, whether lines without one belong to the one live
     * process is decided from the first window (see WindowEquivalenceTest), which a tiny window makes too short.
     */
    @ParameterizedTest
    @MethodSource("org.stracels.Testdata#traces")
    void tinyWindowsChangeOnlyWhatTheCauseAnalysisSees(Path file) throws Exception {
        Counted source = new Counted(TraceSource.of(TraceInput.open(file.toString()), TINY));
        assertThat(withoutCauses(streamed(source, file))).isEqualTo(withoutCauses(whole(file)));
    }

    @Test
    void allTracesOneAfterTheOtherInTinyWindows() throws Exception {
        StringBuilder all = new StringBuilder();
        // a file with pids shows them in its first window (see WindowEquivalenceTest): the -f trace comes first
        List<Path> order = new ArrayList<>(Testdata.traces());
        order.sort(Comparator.comparing((Path p) -> !p.getFileName().toString().equals("busy.strace")));
        for (Path p : order) {
            String t = Files.readString(p, StandardCharsets.UTF_8);
            all.append(t).append(t.endsWith("\n") ? "" : "\n");
        }
        Path file = dir.resolve("all.strace");
        Files.writeString(file, all.toString().replace("\r\n", "\n").replace('\r', '\n'), StandardCharsets.UTF_8);
        Counted source = new Counted(TraceSource.of(TraceInput.open(file.toString()), TINY));
        assertThat(withoutCauses(streamed(source, file))).isEqualTo(withoutCauses(whole(file)));
        assertThat(source.windows).isGreaterThan(100);
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsReportedAsFarAsItWasAndThePageSaysSo() throws Exception {
        Path file = dir.resolve("growing.strace");
        String text = Files.readString(Testdata.file("busy.strace"), StandardCharsets.UTF_8);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        TraceSource source = TraceSource.of(TraceInput.open(file.toString()), new WindowScanner.Options(500, 100, 100));
        boolean[] grown = {false};
        TraceSource growing = new Counted(source) {
            @Override
            public WindowScanner.Result scan(CancelCheck cancel, WindowScanner.Progress progress,
                    WindowScanner.Consumer consumer) throws Exception {
                return super.scan(cancel, progress, w -> {
                    if (!grown[0]) { // strace writes on after the first window was read
                        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                        grown[0] = true;
                    }
                    consumer.accept(w);
                });
            }
        };
        String page = streamed(growing, file);
        assertThat(page).contains("<p>" + text.lines().count() + " lines · ").contains("grew while it was read");
    }

    /**
     * The page without what comes from the cause analysis (the failures section, the timeline's causes) and the
     * options sampled from the first lines: a tiny window's analysis looks back 16 lines, not 20,480.
     */
    private static String withoutCauses(String page) {
        return page.replaceAll("(?s)<section id=\"failures\">.*?</section>", "")
                .replaceAll("(?s),\"causes\":\\{.*?\\}\\}</script>", "}</script>")
                .replaceAll("options: <code>[^<]*</code>", "").replaceAll("\"options\":\"[^\"]*\"", "");
    }

    private static String whole(Path file) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(Trace.of(Files.readString(file, StandardCharsets.UTF_8)), file.getFileName().toString(), out);
        return out.toString();
    }

    private static String streamed(TraceSource source, Path file) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReport.read(source, CancelCheck.NONE, WindowScanner.Progress.NONE).write(file.getFileName().toString(), out);
        return out.toString();
    }

    /** A source that counts the windows it hands out. */
    private static class Counted extends TraceSource {
        private final TraceSource inner;
        int windows;

        Counted(TraceSource inner) {
            this.inner = inner;
        }

        @Override
        public WindowScanner.Result scan(CancelCheck cancel, WindowScanner.Progress progress,
                WindowScanner.Consumer consumer) throws Exception {
            return inner.scan(cancel, progress, w -> {
                windows++;
                consumer.accept(w);
            });
        }

        @Override
        public void lines(BitSet chosen, CancelCheck cancel, LineSink sink) throws TraceInputException {
            inner.lines(chosen, cancel, sink);
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
