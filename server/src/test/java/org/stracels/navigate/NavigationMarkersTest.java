package org.stracels.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Edge cases on hand-written lines, with markers: {@code ‸} is the cursor, {@code ⟦…⟧} the places expected
 * (in order), {@code ⟪…⟫} an expected place that is a write (the fd's making) for highlights.
 */
class NavigationMarkersTest {

    @Test
    void anFdUsedBeforeAnythingMadeItWasInheritedAndGoesToTheFirstLine() {
        assertDefinition("""
                ⟦execve("/bin/echo", ["echo", "hi"], 0x7ffd /* 1 var */) = 0⟧
                write(‸1, "hi\\n", 3) = 3
                exit_group(0) = ?
                +++ exited with 0 +++
                """);
    }

    @Test
    void referencesStopAtTheCloseAndTheReusedNumberIsAnotherFd() {
        assertReferences("""
                openat(AT_FDCWD, "/a", O_RDONLY) = ⟦3⟧
                read(⟦‸3⟧, "", 16) = 0
                close(⟦3⟧) = 0
                openat(AT_FDCWD, "/b", O_RDONLY) = 3
                read(3, "", 16) = 0
                """, true);
        assertDefinition("""
                openat(AT_FDCWD, "/a", O_RDONLY) = 3
                close(3) = 0
                openat(AT_FDCWD, "/b", O_RDONLY) = ⟦3⟧
                read(3‸, "", 16) = 0
                """);
    }

    @Test
    void aFailedCloseOnABadFdIsNoUseAndNoEnd() {
        assertDefinition("""
                close(‸7) = -1 EBADF (Bad file descriptor)
                """);
        assertReferences("""
                socket(AF_INET, SOCK_STREAM, 0) = ⟦4⟧
                close(9) = -1 EBADF (Bad file descriptor)
                connect(⟦‸4⟧, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
                """, true);
    }

    @Test
    void highlightsMarkTheMakingAsAWrite() {
        assertHighlights("""
                pipe2([⟪3⟫, 4], O_CLOEXEC) = 0
                write(4, "x", 1) = 1
                read(⟦3‸⟧, "x", 1) = 1
                close(⟦3⟧) = 0
                """);
    }

    @Test
    void aNumberThatIsNoFdHasNoDefinition() {
        assertDefinition("""
                openat(AT_FDCWD, "/a", O_RDONLY) = 3
                read(3, "", 1‸6) = 0
                """);
        assertDefinition("""
                openat(AT_FDCWD, "/a", O_RDONLY) = 3
                mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -‸1, 0) = 0x7f0000000000
                """);
    }

    @Test
    void anUnfinishedCallGoesToItsResumedHalfWithinOneProcess() {
        assertDefinition("""
                10 read(3,  <unfi‸nished ...>
                11 write(1, "x", 1) = 1
                ⟦10 <... read resumed>"", 16) = 0⟧
                """);
        assertDefinition("""
                ⟦10 read(3,  <unfinished ...>⟧
                11 write(1, "x", 1) = 1
                10 <... re‸ad resumed>"", 16) = 0
                """);
    }

    @Test
    void badInputAnswersEmpty() {
        for (String text : new String[] {"", "\n\n", "garbage (((( \"unclosed", "read(", ") = 3</x>", "+++ exited with +++"}) {
            Trace trace = Trace.of(text);
            for (int offset = -2; offset <= text.length() + 2; offset++) {
                assertThat(Definition.find(trace, offset, CancelCheck.NONE)).as(text + " @" + offset).isEmpty();
                assertThat(References.find(trace, offset, true, CancelCheck.NONE)).isEmpty();
                assertThat(Highlights.find(trace, offset, CancelCheck.NONE)).isEmpty();
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A marked text: the plain text, the cursor, the expected places and which of them are writes. */
    private record Marked(String text, int cursor, List<Place> places, List<Boolean> writes) {
        static Marked of(String marked) {
            StringBuilder text = new StringBuilder();
            int cursor = -1;
            List<Place> places = new ArrayList<>();
            List<Boolean> writes = new ArrayList<>();
            int open = -1;
            for (int i = 0; i < marked.length(); i++) {
                char c = marked.charAt(i);
                switch (c) {
                    case '‸' -> cursor = text.length();
                    case '⟦', '⟪' -> {
                        open = text.length();
                        writes.add(c == '⟪');
                    }
                    case '⟧', '⟫' -> places.add(new Place(open, text.length()));
                    default -> text.append(c);
                }
            }
            assertThat(cursor).as("a cursor marker").isNotNegative();
            return new Marked(text.toString(), cursor, places, writes);
        }
    }

    private static void assertDefinition(String marked) {
        Marked m = Marked.of(marked);
        assertThat(Definition.find(Trace.of(m.text()), m.cursor(), CancelCheck.NONE)).containsExactlyElementsOf(m.places());
    }

    private static void assertReferences(String marked, boolean declaration) {
        Marked m = Marked.of(marked);
        assertThat(References.find(Trace.of(m.text()), m.cursor(), declaration, CancelCheck.NONE))
                .containsExactlyElementsOf(m.places());
    }

    private static void assertHighlights(String marked) {
        Marked m = Marked.of(marked);
        List<Highlight> expected = new ArrayList<>();
        for (int i = 0; i < m.places().size(); i++) {
            expected.add(new Highlight(m.places().get(i).start(), m.places().get(i).end(), m.writes().get(i)));
        }
        assertThat(Highlights.find(Trace.of(m.text()), m.cursor(), CancelCheck.NONE)).containsExactlyElementsOf(expected);
    }
}
