package org.stracels.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Navigation never throws and always answers places inside the text, wherever the cursor is in any testdata
 * trace; and every fd it finds is one whose definition leads back to a place that references list.
 */
class NavigationEverywhereTest {
    @Test
    void everyOffsetOfEveryTraceAnswersWithoutThrowing() {
        long answers = 0;
        for (Path file : Testdata.traces()) {
            String text = Testdata.read(file);
            Trace trace = Trace.of(text);
            int step = text.length() > 50_000 ? 7 : 1;
            for (int offset = 0; offset <= text.length(); offset += step) {
                List<Place> definition = Definition.find(trace, offset, CancelCheck.NONE);
                List<Place> references = References.find(trace, offset, true, CancelCheck.NONE);
                List<Highlight> highlights = Highlights.find(trace, offset, CancelCheck.NONE);
                for (Place p : definition) {
                    assertThat(p.start()).as(file + "@" + offset).isBetween(0, text.length());
                    assertThat(p.end()).isBetween(p.start(), text.length());
                }
                assertThat(references).allSatisfy(p -> assertThat(p.end()).isBetween(p.start(), text.length()));
                assertThat(highlights).hasSizeLessThanOrEqualTo(references.size());
                answers += definition.size();
            }
        }
        assertThat(answers).isGreaterThan(10_000);
    }

    @Test
    void theMakingOfEveryFdIsAmongItsReferences() {
        for (String name : new String[] {"fdlife.strace", "fdlife-y.strace", "yy.strace", "follow.strace", "busy.strace"}) {
            Trace trace = Trace.of(Testdata.read(name));
            var fds = trace.fds();
            for (int use = 0; use < fds.useCount(); use++) {
                int offset = fds.useOffset(use);
                List<Place> definition = Definition.find(trace, offset, CancelCheck.NONE);
                List<Place> references = References.find(trace, offset, true, CancelCheck.NONE);
                assertThat(definition).as(name + "@" + offset).isNotEmpty();
                assertThat(references).as(name + "@" + offset).contains(Cursor.number(trace.text(), offset));
                if (fds.instanceOfUse(use).offset() >= 0) {
                    assertThat(references).as(name + "@" + offset).contains(definition.get(0));
                }
            }
        }
    }
}
