package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void everyLspLineBreakEndsALine() {
        //             0 1  2 3 4  5 6  7 8
        String text = "a\nb\r\nc\rd\n";
        Positions p = Positions.of(text);

        assertThat(p.lineCount()).isEqualTo(5); // the final break opens an empty last line
        assertThat(p.position(text.indexOf('b'))).isEqualTo(new Position(1, 0));
        assertThat(p.position(text.indexOf('c'))).isEqualTo(new Position(2, 0));
        assertThat(p.position(text.indexOf('d'))).isEqualTo(new Position(3, 0));
        assertThat(p.position(text.length())).isEqualTo(new Position(4, 0));
        assertThat(p.lineRange(1)).isEqualTo(new Range(new Position(1, 0), new Position(1, 1))); // without \r\n
        assertThat(p.lineEnd(2)).isEqualTo(text.indexOf('c') + 1); // without the lone \r
    }

    @Test
    void charactersAreUtf16CodeUnits() {
        String line = "x é😀 ENOENT";
        String text = "first\n" + line;
        Positions p = Positions.of(text);
        int errno = text.indexOf("ENOENT");

        // é is one unit, 😀 two (a surrogate pair): 2 + 1 + 2 + 1 = 6, not 5 code points, not 8 UTF-8 bytes
        assertThat(p.position(errno)).isEqualTo(new Position(1, 6));
        assertThat(p.offset(new Position(1, 6))).isEqualTo(errno);
        assertThat(p.range(errno, errno + 6)).isEqualTo(new Range(new Position(1, 6), new Position(1, 12)));
    }

    @Test
    void offsetAndPositionAreInverses() {
        String text = "é😀\r\n\rab\n😀\n\nlast";
        Positions p = Positions.of(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            boolean insideCrLf = offset > 0 && text.charAt(offset - 1) == '\r' && offset < text.length()
                    && text.charAt(offset) == '\n';
            if (!insideCrLf) {
                assertThat(p.offset(p.position(offset))).as("offset %d", offset).isEqualTo(offset);
            }
        }
    }

    @Test
    void outOfRangeInputIsClampedNotThrown() {
        String text = "ab\ncd";
        Positions p = Positions.of(text);

        assertThat(p.offset(new Position(0, 99))).isEqualTo(2); // past the end of the line: its end
        assertThat(p.offset(new Position(7, 0))).isEqualTo(text.length()); // past the last line: the end
        assertThat(p.offset(new Position(-1, 3))).isZero();
        assertThat(p.offset(new Position(1, -4))).isEqualTo(3);
        assertThat(p.position(-5)).isEqualTo(new Position(0, 0));
        assertThat(p.position(99)).isEqualTo(new Position(1, 2));
        assertThat(p.range(4, 1)).isEqualTo(new Range(new Position(1, 1), new Position(1, 1)));
        assertThat(p.lineRange(9)).isEqualTo(new Range(new Position(1, 2), new Position(1, 2)));
    }

    @Test
    void emptyText() {
        Positions p = Positions.of("");
        assertThat(p.lineCount()).isEqualTo(1);
        assertThat(p.position(0)).isEqualTo(new Position(0, 0));
        assertThat(p.offset(new Position(3, 3))).isZero();
    }
}
