package org.stracels.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.parse.CancelCheck;

/**
 * Everything the fd model answers on every testdata trace, written out as text: every use (its offset, life
 * and instance), every instance (its lives and uses) and, for every use, which instance its table held at that
 * number on that line. The dump goes to {@code target/fd-model-dump/}; with {@code -Dfdmodel.baseline=DIR} (a
 * dump taken from another build of the model) each file must be identical to the one there, which is how a
 * change to the model's insides is shown to change none of its answers. Without a baseline the test still
 * checks that the answers agree with each other.
 */
class FdModelDumpTest {

    static String dump(Trace trace) {
        FdModel fds = FdModel.build(trace, CancelCheck.NONE);
        StringBuilder out = new StringBuilder();
        for (int use = 0; use < fds.useCount(); use++) {
            int offset = fds.useOffset(use);
            int line = trace.parsed().lineAt(offset);
            FdModel.FdLife life = fds.lifeOfUse(use);
            FdModel.FdInstance instance = fds.instanceOfUse(use);
            out.append("use ").append(use).append(" @").append(offset).append(" line ").append(line).append(' ')
                    .append(life).append(' ').append(instance).append(" instanceAt ")
                    .append(fds.instanceAt(life.processId(), instance.fd(), line)).append('\n');
        }
        for (int i = 0; i < fds.instanceCount(); i++) {
            out.append("instance ").append(fds.instance(i)).append(" name ").append(fds.instance(i).name(trace.text()))
                    .append(" lives ").append(fds.lives(i)).append(" uses ").append(Arrays.toString(fds.usesOf(i)))
                    .append('\n');
            for (FdModel.FdLife life : fds.lives(i)) {
                out.append("  life ").append(life.id()).append(" uses ")
                        .append(Arrays.toString(fds.usesOfLife(life.id()))).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void theModelAnswersAgreeWithEachOtherAndWithTheBaselineIfOneIsGiven() throws IOException {
        String baseline = System.getProperty("fdmodel.baseline");
        Path out = Path.of("target", "fd-model-dump");
        Files.createDirectories(out);
        List<Path> traces = Testdata.traces();
        assertThat(traces).hasSizeGreaterThan(50);
        int compared = 0;
        long uses = 0;
        for (Path path : traces) {
            Trace trace = Trace.of(Testdata.read(path));
            FdModel fds = FdModel.build(trace, CancelCheck.NONE);
            for (int use = 0; use < fds.useCount(); use++) {
                FdModel.FdLife life = fds.lifeOfUse(use);
                int instance = fds.instanceOfUse(use).id();
                assertThat(life.instance()).isEqualTo(instance);
                assertThat(fds.lives(instance)).contains(life);
                assertThat(fds.usesOf(instance)).contains(use);
                assertThat(fds.usesOfLife(life.id())).contains(use);
                assertThat(fds.useAt(fds.useOffset(use))).isEqualTo(use);
            }
            uses += fds.useCount();
            String name = Testdata.dir().relativize(path).toString().replace('/', '_') + ".txt";
            String text = dump(trace);
            Files.writeString(out.resolve(name), text, StandardCharsets.UTF_8);
            if (baseline != null) {
                assertThat(text).as(name).isEqualTo(Files.readString(Path.of(baseline, name), StandardCharsets.UTF_8));
                compared++;
            }
        }
        assertThat(uses).as("fd uses over all testdata").isGreaterThan(1000);
        if (baseline != null) {
            assertThat(compared).isEqualTo(traces.size());
        }
    }
}
