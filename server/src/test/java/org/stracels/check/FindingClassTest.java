package org.stracels.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/** Every finding carries its class, set where it is made, on real traces. */
class FindingClassTest {

    private static List<Finding> check(String text) {
        return Checker.check(Trace.of(text));
    }

    private static Finding one(List<Finding> findings, Predicate<Finding> which) {
        return findings.stream().filter(which).findFirst().orElseThrow();
    }

    /** The first {@code n} lines of {@code text}, as a log copied while strace was still writing it. */
    private static String firstLines(String text, int n) {
        int end = 0;
        for (int i = 0; i < n; i++) {
            end = text.indexOf('\n', end) + 1;
        }
        return text.substring(0, end);
    }

    @Test
    void failuresRoutineNoiseExitsAndReportedErrors() {
        List<Finding> plain = check(Testdata.read("plain.strace"));
        assertThat(one(plain, f -> f.message().contains("\"/nonexistent\"")).findingClass())
                .isEqualTo(FindingClass.FAILURE);
        assertThat(one(plain, f -> f.message().contains("/etc/ld.so.preload")).findingClass())
                .isEqualTo(FindingClass.NOISE);
        assertThat(one(plain, f -> f.code().equals("nonzero-exit")).findingClass())
                .isEqualTo(FindingClass.NONZERO_EXIT);
        assertThat(one(plain, f -> f.code().equals("reported-error")).findingClass())
                .isEqualTo(FindingClass.REPORTED_ERROR);
        // read(...) = ? ERESTARTSYS: the kernel restarts the call, routine
        assertThat(check(Testdata.read("signals.strace"))).filteredOn(f -> f.code().startsWith("ERESTART")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.findingClass()).isEqualTo(FindingClass.NOISE));
        // poll succeeded, but its result holds POLLERR: an error inside a result is a failure
        assertThat(one(check(Testdata.read("nb-connect.strace")), f -> f.code().equals("POLLERR")).findingClass())
                .isEqualTo(FindingClass.FAILURE);
    }

    @Test
    void killedProcessesAndUnmatchedHalves() {
        assertThat(check(Testdata.read("killed.strace"))).filteredOn(f -> f.code().equals("killed-by-signal"))
                .hasSize(2).allSatisfy(f -> assertThat(f.findingClass()).isEqualTo(FindingClass.KILLED));
        // the leader's file of a thread's execve (-ff) re-prints "<... execve resumed>" without its start
        assertThat(one(check(Testdata.read("thread-exec-ff/trace.9733")), f -> f.code().equals("resumed-without-start"))
                .findingClass()).isEqualTo(FindingClass.UNMATCHED);
        // follow.strace copied while strace was writing, just after "close(4 <unfinished ...>" (line 53)
        String cut = firstLines(Testdata.read("follow.strace"), 53);
        Finding never = one(check(cut), f -> f.code().equals("unfinished-never-resumed"));
        assertThat(never.line()).isEqualTo(52);
        assertThat(never.findingClass()).isEqualTo(FindingClass.UNMATCHED);
    }

    @Test
    void aLineThatIsNotStraceIsMalformed() {
        // a line of the C program's source pasted into its trace
        String trace = Testdata.read("plain.strace");
        String source = Testdata.read("src/abort.c");
        String pasted = source.lines().filter(l -> l.contains("(")).findFirst().orElseThrow();
        String text = firstLines(trace, 10) + pasted + "\n" + trace.substring(firstLines(trace, 10).length());
        Finding malformed = one(check(text), f -> f.line() == 10);
        assertThat(malformed.code()).isEqualTo(FindingCode.MALFORMED_LINE.id());
        assertThat(malformed.findingClass()).isEqualTo(FindingClass.MALFORMED);
    }

    @Test
    void theCapsNoteHasItsOwnClassAndTheKeptFindingsKeepTheirs() {
        List<Finding> all = check(Testdata.read("missing-lib.strace"));
        List<Finding> capped = FindingCap.apply(all, 5);
        assertThat(capped).hasSize(6);
        assertThat(capped.get(5).findingClass()).isEqualTo(FindingClass.LEFT_OUT);
        assertThat(capped.subList(0, 5)).allSatisfy(f -> assertThat(all).contains(f));
    }

    /**
     * On every testdata trace: the class agrees with the code (the failed calls' with the errno, the others' with
     * their {@link FindingCode}), with the default severity of the class, and, for a failed call on its own line,
     * with {@link FailedCalls#classify}: the one rule the outline, the timeline and views use for a failed line.
     */
    @Test
    void theClassAgreesWithTheCodeTheSeverityAndTheLineClassifierOnAllTestdata() {
        Set<FindingClass> seen = EnumSet.noneOf(FindingClass.class);
        int classified = 0;
        for (Path path : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(path));
            ParsedTrace parsed = trace.parsed();
            for (Finding f : Checker.check(trace)) {
                String where = path.getFileName() + ":" + trace.lineNumber(f.line()) + " " + f.code();
                FindingClass c = f.findingClass();
                seen.add(c);
                FindingClass byCode = switch (f.code()) {
                    case "malformed-line" -> FindingClass.MALFORMED;
                    case "killed-by-signal" -> FindingClass.KILLED;
                    case "nonzero-exit" -> FindingClass.NONZERO_EXIT;
                    case "unfinished-never-resumed", "resumed-without-start" -> FindingClass.UNMATCHED;
                    case "reported-error" -> FindingClass.REPORTED_ERROR;
                    default -> null; // an errno name or the error a result holds: a failure or noise
                };
                if (byCode != null) {
                    assertThat(c).as(where).isEqualTo(byCode);
                } else {
                    assertThat(c).as(where).isIn(FindingClass.FAILURE, FindingClass.NOISE);
                }
                if (c.isSetting()) {
                    Severity expected = DiagnosticPolicy.defaultSeverity(c);
                    assertThat(f.severity()).as(where).isIn(expected,
                            c == FindingClass.KILLED ? DiagnosticPolicy.normalKill(expected) : expected);
                }
                ReturnKind result = parsed.returnKind(f.line());
                boolean failedLine = result == ReturnKind.ERROR || result == ReturnKind.RESTART;
                if (failedLine && f.code().equals(parsed.errno(f.line()))) {
                    assertThat(FailedCalls.classify(parsed, trace.model(), f.line())).as(where).isEqualTo(c);
                    classified++;
                }
            }
        }
        assertThat(classified).as("failed calls compared with the line classifier").isGreaterThan(500);
        assertThat(seen).contains(FindingClass.NOISE, FindingClass.FAILURE, FindingClass.KILLED,
                FindingClass.NONZERO_EXIT, FindingClass.UNMATCHED, FindingClass.REPORTED_ERROR);
    }
}
