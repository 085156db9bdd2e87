package org.stracels.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;

class TraceParserTest {

    @Test
    void everyLineOfEveryTestdataTraceParses() {
        List<Path> traces = Testdata.traces();
        assertThat(traces).hasSizeGreaterThan(40);
        List<String> bad = new ArrayList<>();
        for (Path file : traces) {
            String text = Testdata.read(file);
            ParsedTrace trace = TraceParser.parse(text);
            boolean capture = file.getFileName().toString().endsWith(".stderr.strace");
            for (int i = 0; i < trace.lineCount(); i++) {
                LineKind kind = trace.kind(i);
                boolean contextKind = kind == LineKind.FOREIGN || kind == LineKind.PARTIAL || kind == LineKind.CONTINUATION;
                if (kind == LineKind.MALFORMED || (contextKind && !capture)) {
                    bad.add(file.getFileName() + ":" + (i + 1) + ": " + kind.id() + " " + trace.line(i).problem() + ": "
                            + text.substring(trace.lineStart(i), trace.lineEnd(i)));
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void linesCoverTheTextExactly() {
        for (Path file : Testdata.traces()) {
            String text = Testdata.read(file);
            ParsedTrace trace = TraceParser.parse(text);
            int expectedLines = (int) text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
            assertThat(trace.lineCount()).as(file.toString()).isEqualTo(expectedLines);
            for (int i = 0; i < trace.lineCount(); i++) {
                assertThat(text.substring(trace.lineStart(i), trace.lineEnd(i))).doesNotContain("\n");
            }
        }
    }

    @Test
    void lineBreaksFollowLsp() {
        ParsedTrace trace = TraceParser.parse("a\r\nb\rc\nd");
        assertThat(trace.lineCount()).isEqualTo(4);
        assertThat(trace.lineStart(1)).isEqualTo(3);
        assertThat(trace.lineEnd(0)).isEqualTo(1);
        assertThat(trace.lineStart(2)).isEqualTo(5);
        assertThat(trace.lineStart(3)).isEqualTo(7);
        assertThat(trace.lineAt(4)).isEqualTo(1);
        assertThat(trace.lineAt(8)).isEqualTo(3);
        assertThat(TraceParser.parse("").lineCount()).isEqualTo(1);
        assertThat(TraceParser.parse("x\n").lineCount()).isEqualTo(1);
    }

    @Test
    void aLineCutByTheProgramsOutputIsJoinedAndTheTextBetweenIsForeign() {
        String text = "write(1, \"oops\\n\", 5oops\n"
                + ")                       = 5\n"
                + "rt_sigprocmask(SIG_SETMASK, [], ls: cannot access '/nonexistent': No such file or directory\n"
                + "~[KILL STOP RTMIN RT_1], 8) = 0\n"
                + "[pid 31422] set_robust_list(0x7fa215ef0a20, 24) = 0\n";
        ParsedTrace trace = TraceParser.parse(text);
        assertThat(kinds(trace)).containsExactly(LineKind.PARTIAL, LineKind.CONTINUATION, LineKind.PARTIAL,
                LineKind.CONTINUATION, LineKind.SYSCALL);
        assertThat(trace.callKind(0)).isEqualTo(LineKind.SYSCALL);
        assertThat(trace.joined(0).line().returnValueSpan().text(trace.joined(0).text())).isEqualTo("5");
    }

    @Test
    void theProgramsTextInAStderrCaptureIsForeignButMalformedInAnOutputFile() {
        String capture = "strace: Process 9 attached\nhello world\n[pid 9] getpid() = 9\n";
        assertThat(kinds(TraceParser.parse(capture)))
                .containsExactly(LineKind.STRACE_MESSAGE, LineKind.FOREIGN, LineKind.SYSCALL);
        String file = "getpid() = 9\nhello world\ngetpid() = 9\n";
        ParsedTrace parsed = TraceParser.parse(file);
        assertThat(kinds(parsed)).containsExactly(LineKind.SYSCALL, LineKind.MALFORMED, LineKind.SYSCALL);
        assertThat(parsed.line(1).problem()).isNotBlank();
    }

    @Test
    void indexKeepsNamesErrnosAndDurations() {
        String text = Testdata.read("tt-T.strace");
        ParsedTrace trace = TraceParser.parse(text);
        int failed = 0;
        int timed = 0;
        for (int i = 0; i < trace.lineCount(); i++) {
            if (trace.returnKind(i) == ReturnKind.ERROR) {
                failed++;
                assertThat(trace.errno(i)).isEqualTo(trace.line(i).errno());
            }
            if (trace.durationNanos(i) >= 0) {
                timed++;
            }
            if (trace.kind(i).isSyscall()) {
                assertThat(trace.name(i)).isEqualTo(trace.line(i).name());
            }
        }
        assertThat(failed).isPositive();
        assertThat(timed).isPositive();
        assertThat(Set.copyOf(trace.names())).contains("execve", "openat", "read", "wait4");
    }

    @Test
    void neverThrowsOnArbitrarySlicesOfRealTraces() {
        String text = Testdata.read("yy.strace") + Testdata.read("follow-stderr.stderr.strace");
        java.util.Random random = new java.util.Random(42);
        for (int k = 0; k < 2000; k++) {
            int a = random.nextInt(text.length());
            int b = Math.min(text.length(), a + random.nextInt(400));
            ParsedTrace trace = TraceParser.parse(text.substring(a, b));
            for (int i = 0; i < trace.lineCount(); i++) {
                ParsedLine line = trace.line(i);
                assertThat(line.lineStart()).isLessThanOrEqualTo(line.lineEnd());
            }
        }
    }

    @Test
    void hugeLinesOfUnclosedBracketsStayLinear() {
        // 200,000 unclosed fd decorations and resuming markers: quadratic scanning would take minutes
        String line = "read(" + "3<x".repeat(100_000) + "<... a".repeat(100_000) + ") = 1";
        ParsedTrace trace = TraceParser.parse(line + "\n" + line.replace(") = 1", " <unfinished ...>") + "\n");
        assertThat(trace.kind(0)).isEqualTo(LineKind.SYSCALL);
        assertThat(trace.kind(1)).isEqualTo(LineKind.UNFINISHED);
    }

    private static List<LineKind> kinds(ParsedTrace trace) {
        List<LineKind> kinds = new ArrayList<>();
        for (int i = 0; i < trace.lineCount(); i++) {
            kinds.add(trace.kind(i));
        }
        return kinds;
    }
}
