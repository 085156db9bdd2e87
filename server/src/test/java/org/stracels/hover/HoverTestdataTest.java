package org.stracels.hover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;

/** Every syscall name, constant, errno and signal in every real trace gets an explanation. */
class HoverTestdataTest {

    @Test
    void everyTokenOfEveryTestdataTraceIsDocumented() {
        List<String> gaps = new ArrayList<>();
        int constants = 0;
        for (Path file : Testdata.traces()) {
            Map<DocCoverage.TokenKind, DocCoverage.Count> coverage = DocCoverage.of(Trace.of(Testdata.read(file)));
            coverage.forEach((kind, count) -> {
                if (!count.undocumented().isEmpty()) {
                    gaps.add(file.getFileName() + " " + kind + ": " + count.undocumented());
                }
            });
            constants += coverage.get(DocCoverage.TokenKind.CONSTANT).tokens();
        }
        assertThat(constants).as("constant tokens seen").isGreaterThan(1000);
        assertThat(gaps).isEmpty();
    }
}
