package org.stracels.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;

/**
 * Forms strace prints that testdata (strace 6.1 on x86_64, no dying process mid-call) does not hold, written
 * as strace prints them (strace-format.md; the logs of other projects in ../shared/foreign-traces, which
 * .ci/foreign-traces.sh reads, hold them for real).
 */
class StraceFormsElsewhereTest {

    @Test
    void theNameOfACallStraceCouldNotRead() {
        Trace trace = Trace.of("""
                13994 ???( <unfinished ...>
                13994 <... ??? resumed>) = ?
                1919  22:15:03.957958 ????()                  = ?
                230473 ???() = ? <unavailable>
                """);
        ParsedTrace p = trace.parsed();
        assertThat(p.kind(0)).isEqualTo(LineKind.UNFINISHED);
        assertThat(p.name(0)).isEqualTo("???");
        assertThat(p.kind(1)).isEqualTo(LineKind.RESUMED);
        assertThat(trace.model().partner(1)).isZero();
        assertThat(p.kind(2)).isEqualTo(LineKind.SYSCALL);
        assertThat(p.name(2)).isEqualTo("????");
        assertThat(p.kind(3)).isEqualTo(LineKind.SYSCALL);
        // but not any run of question marks
        assertThat(Trace.of("?????(1) = 0\n").parsed().kind(0)).isEqualTo(LineKind.MALFORMED);
    }

    @Test
    void aLastLineCutMidArgumentsIsACallInProgress() {
        String text = """
                12231 15:42:50 read(5, "x", 1) = 1
                12231 15:42:50 poll([{fd=5, events=POLLIN|POLLERR}], 1, -1
                """;
        ParsedTrace p = Trace.of(text).parsed();
        assertThat(p.kind(1)).isEqualTo(LineKind.UNFINISHED);
        assertThat(p.line(1).problem()).isNull();
        // the same cut followed by another line of its process is broken, not in progress
        ParsedTrace q = Trace.of(text + "12231 15:42:51 read(5, \"y\", 1) = 1\n").parsed();
        assertThat(q.kind(1)).isEqualTo(LineKind.MALFORMED);
        // in a file without pids, only the file's last line
        assertThat(Trace.of("poll([{fd=5, events=POLLIN}], 1, -1\n").parsed().kind(0)).isEqualTo(LineKind.UNFINISHED);
    }

    @Test
    void optionsAreNotReadFromInsideStringsNorFromBrk0() {
        Trace plain = Trace.of("""
                10:50:53 brk(0)                         = 0x604000
                10:50:53 write(1, "a<b>c</usr/lib> socket:[1]", 26) = 26
                10:50:53 read(3, "x</dev/null>", 12) = 12
                """);
        assertThat(plain.model().options().decodeFds()).isEmpty();
        assertThat(plain.model().options().xForm()).isEqualTo("abbrev");
        Trace decorated = Trace.of("read(3</dev/null>, \"\", 12) = 0\n");
        assertThat(decorated.model().options().decodeFds()).isEqualTo("-y");
    }
}
