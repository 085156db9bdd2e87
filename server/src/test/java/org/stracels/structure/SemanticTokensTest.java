package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.check.FailedCalls;
import org.stracels.parse.CancelCheck;

/**
 * Semantic tokens of lines of real traces, written into the line as {@code ‹type+modifiers:text›}, and every
 * token of every testdata trace read back from the text and checked against its type.
 */
class SemanticTokensTest {
    @Test
    void aCallWithItsPidConstantsFlagsStringAndReturnedFd() {
        assertThat(render("follow.strace", 4)).isEqualTo("‹namespace:9614›  ‹function+defaultLibrary:openat›("
                + "‹enumMember:AT_FDCWD›, ‹string:\"/etc/ld.so.cache\"›, ‹enumMember:O_RDONLY›‹operator:|›"
                + "‹enumMember:O_CLOEXEC›) ‹operator:=› ‹variable+readonly:3›");
    }

    @Test
    void everyPrefixFieldTimestampsAddressesAndTheDuration() {
        assertThat(render("all-prefix.strace", 0)).isEqualTo("‹namespace:9888›<‹string:strace›> "
                + "‹number+timestamp:1795750986.854670› (+     ‹number+timestamp:0.000000›) [  ‹number:59›] "
                + "[‹number+address:00007f1d248a9ad7›] ‹function+defaultLibrary:execve›(‹string:\"/usr/bin/sh\"›, "
                + "[‹string:\"sh\"›, ‹string:\"-c\"›, ‹string:\"cat /tmp/strace-ls-testdata/hell\"...›], "
                + "‹number+address:0x7ffeed208d18› ‹comment:/* 1 var */›) ‹operator:=› ‹number:0› "
                + "<‹number+duration:0.000090›>");
    }

    @Test
    void aResumedFailureWithItsErrnoAndMessage() {
        assertThat(render("follow.strace", 68)).isEqualTo("‹namespace:9614›  ‹keyword:<...› "
                + "‹function+defaultLibrary:close› ‹keyword:resumed>›)              ‹operator:=› ‹number:-1› "
                + "‹macro:EBADF› (‹comment:Bad file descriptor›)");
    }

    @Test
    void fdsWithTheirPathsStructFieldsAndNumbers() {
        assertThat(render("yy.strace", 5)).isEqualTo("‹namespace:9917›  ‹function+defaultLibrary:newfstatat›("
                + "‹variable+readonly:3›<‹string:/etc/ld.so.cache›>, ‹string:\"\"›, {‹property:st_mode›‹operator:=›"
                + "‹enumMember:S_IFREG›‹operator:|›‹number:0644›, ‹property:st_size›‹operator:=›‹number:34547›, ...}, "
                + "‹enumMember:AT_EMPTY_PATH›) ‹operator:=› ‹number:0›");
    }

    @Test
    void signalsPidsAndSignalSets() {
        assertThat(render("signals.strace", 64)).isEqualTo("--- ‹event:SIGUSR2› {‹property:si_signo›‹operator:=›"
                + "‹event:SIGUSR2›, ‹property:si_code›‹operator:=›‹enumMember:SI_TKILL›, ‹property:si_pid›‹operator:=›"
                + "‹namespace:10054›, ‹property:si_uid›‹operator:=›‹number:0›} ---");
        assertThat(render("signals.strace", 63)).startsWith("‹function+defaultLibrary:tgkill›(‹namespace:10054›, "
                + "‹namespace:10054›, ‹event:SIGUSR2›)");
        assertThat(render("killed.strace", 93)).contains("‹property:sa_mask›‹operator:=›[‹event:KILL›]",
                "‹property:sa_handler›‹operator:=›‹enumMember:SIG_IGN›");
    }

    @Test
    void lifecycleLines() {
        assertThat(render("follow.strace", 124)).isEqualTo("‹namespace:9615›  +++ ‹keyword:exited with› ‹number:0› +++");
        assertThat(render("k-segv.strace", 277)).isEqualTo("+++ ‹keyword:killed by› ‹event:SIGSEGV› +++");
        assertThat(render("thread-exec.strace", 49)).isEqualTo(
                "‹namespace:9719›  +++ ‹keyword:superseded by execve in pid› ‹namespace:9720› +++");
        assertThat(render("personality.strace", 30)).isEqualTo(
                "[  ‹number:39›] [ Process PID=‹namespace:10193› runs in ‹enumMember:32 bit› mode. ]");
        assertThat(render("killed.strace", 92)).isEqualTo("‹namespace:10094› ‹keyword:<...› "
                + "‹function+defaultLibrary:clock_nanosleep› ‹keyword:resumed>› ‹keyword:<unfinished ...>›) ‹operator:=› ?");
    }

    @Test
    void framesDumpsSummariesAndStraceMessages() {
        assertThat(render("k-segv.strace", 272)).isEqualTo(" > ‹string:/tmp/strace-ls-testdata/bin/segv›("
                + "‹function:deref›+‹number:0x0›) [‹number+address:0x1139›]");
        assertThat(render("dump.strace", 34)).isEqualTo(" | ‹number+address:00000›  ‹number:68› ‹number:69› "
                + "‹number:0a›                                          ‹string:hi.›              |");
        assertThat(render("c.strace", 2)).isEqualTo("  ‹number:0.00›    ‹number:0.000000›           ‹number:0›"
                + "         ‹number:5›           ‹function+defaultLibrary:read›");
        assertThat(render("c.strace", 24)).isEqualTo("‹number:100.00›    ‹number:0.000000›           ‹number:0›"
                + "        ‹number:72›         ‹number:7› ‹keyword:total›");
        assertThat(render("c.strace", 0)).isEqualTo("% time     seconds  usecs/call     calls    errors syscall");
        assertThat(render("follow-stderr.stderr.strace", 60)).isEqualTo("‹comment:strace: Process 9633 attached›");
    }

    @Test
    void injectionNotesAndRawNumbersWithTheirComments() {
        assertThat(render("fault.strace", 32)).endsWith("‹operator:=› ‹number:-1› ‹macro:ENOSPC› "
                + "(‹comment:No space left on device›) ‹keyword:(INJECTED)›");
        assertThat(render("X-verbose.strace", 4)).isEqualTo("‹function+defaultLibrary:openat›(‹number:-100› "
                + "‹comment:/* AT_FDCWD */›, ‹string:\"/etc/ld.so.cache\"›, ‹number:0x80000› "
                + "‹comment:/* O_RDONLY|O_CLOEXEC */›) ‹operator:=› ‹variable+readonly:3›");
    }

    @Test
    void aLineCutByTheProgramsOutputColoursOnlyItsPrefixAndName() {
        // "write(1, \"hello\\n\", 6hello": the end of the line is the program's own text
        assertThat(render("follow-stderr.stderr.strace", 47)).isEqualTo(
                "‹function+defaultLibrary:write›(1, \"hello\\n\", 6hello");
    }

    /** What the text of a token of each type looks like. */
    private static final Map<TokenType, Pattern> FORMS = Map.ofEntries(
            Map.entry(TokenType.FUNCTION, Pattern.compile("[A-Za-z_][A-Za-z0-9_.@]*")),
            Map.entry(TokenType.ENUM_MEMBER, Pattern.compile("[A-Z0-9_]*[A-Z][A-Z0-9_]*|\\d\\d bit|x32")),
            Map.entry(TokenType.MACRO, Pattern.compile("E[A-Z0-9_]+")),
            Map.entry(TokenType.EVENT, Pattern.compile("SIG[A-Z0-9_]+|[A-Z][A-Z0-9_]*|\\d+")),
            Map.entry(TokenType.STRING, Pattern.compile("@?\".*\"(\\.\\.\\.)?|[^\"].*")),
            Map.entry(TokenType.NUMBER, Pattern.compile(
                    "-?(0x[0-9a-f]+|\\d+(\\.\\d+)?|[0-9a-f]{2}|[0-9a-f]{5}|[0-9a-f]{8}|[0-9a-f]{16}|\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?)")),
            Map.entry(TokenType.VARIABLE, Pattern.compile("\\d+|0x[0-9a-f]+|[a-z_][a-z0-9_]*")),
            Map.entry(TokenType.NAMESPACE, Pattern.compile("\\d+")),
            Map.entry(TokenType.COMMENT, Pattern.compile("/\\*.*\\*/|strace: .*|System call usage summary.*"
                    + "|[A-Z][^()]*|\\(.*\\)|<\\.\\.\\. resuming interrupted | \\.\\.\\.>|[_|/\\\\(\\[].*")),
            Map.entry(TokenType.PROPERTY, Pattern.compile("[a-z_][a-z0-9_.]*|[A-Z_]+")),
            Map.entry(TokenType.OPERATOR, Pattern.compile("[|=<>&!+*~-]+|=>")),
            Map.entry(TokenType.KEYWORD, Pattern.compile("<unfinished \\.\\.\\.>|<\\.\\.\\.|resumed>|exited with|killed by"
                    + "|\\(core dumped\\)|stopped by|superseded by execve in pid|<detached \\.\\.\\.>|<pid changed to \\d+ \\.\\.\\.>"
                    + "|total|or|\\((INJECTED|DELAYED)[^)]*\\)")));

    @Test
    void everyTokenOfEveryTraceLandsOnTextOfItsType() {
        int checked = 0;
        for (Path file : Testdata.traces()) {
            String text = Testdata.read(file);
            Trace trace = Trace.of(text);
            TokenList tokens = SemanticTokens.tokens(trace, 0, trace.parsed().lineCount() - 1, CancelCheck.NONE);
            int previousEnd = 0;
            int previousLine = 0;
            for (TokenList.Token t : tokens.asList()) {
                String where = file.getFileName() + ":" + t.line() + ": " + t;
                assertThat(t.line()).as(where).isGreaterThanOrEqualTo(previousLine);
                assertThat(t.start()).as(where + " overlaps the previous token").isGreaterThanOrEqualTo(previousEnd);
                assertThat(t.start()).as(where).isGreaterThanOrEqualTo(trace.parsed().lineStart(t.line()));
                assertThat(t.end()).as(where + " runs past its line").isLessThanOrEqualTo(trace.parsed().lineEnd(t.line()));
                assertThat(t.length()).as(where).isPositive();
                String covered = text.substring(t.start(), t.end());
                assertThat(covered).as(where).matches(FORMS.get(t.type()));
                if (t.type() == TokenType.MACRO) {
                    assertThat(FailedCalls.isErrnoName(covered)).as(where).isTrue();
                }
                if (t.type() == TokenType.FUNCTION && t.has(TokenModifier.DEFAULT_LIBRARY)
                        && trace.parsed().kind(t.line()).isSyscall()) {
                    assertThat(covered).as(where).isEqualTo(trace.parsed().name(t.line()));
                }
                previousEnd = t.end();
                previousLine = t.line();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(90_000);
    }

    @Test
    void aRangeHasTheSameTokensAsTheWholeFileOnThoseLines() {
        Trace trace = Trace.of(Testdata.read("busy.strace"));
        TokenList all = SemanticTokens.tokens(trace, 0, trace.parsed().lineCount() - 1, CancelCheck.NONE);
        TokenList range = SemanticTokens.tokens(trace, 1000, 1199, CancelCheck.NONE);
        assertThat(range.asList()).isEqualTo(all.asList().stream().filter(t -> t.line() >= 1000 && t.line() <= 1199).toList());
        assertThat(SemanticTokens.tokens(trace, 5000, 99_999, CancelCheck.NONE).asList())
                .allMatch(t -> t.line() >= 5000 && t.line() < trace.parsed().lineCount());
    }

    private static String render(String file, int line) {
        return TokensRender.line(Trace.of(Testdata.read(file)), line);
    }
}
