package org.stracels.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Navigation across the files of testdata/fdlife-ff (strace -ff -y: one file per process). */
class FfNavigationTest {
    private final List<Path> files = Testdata.perProcessFiles("fdlife-ff");

    /** The siblings of {@code file}, read from the folder. */
    private Siblings siblingsOf(Path file) {
        List<Siblings.Sibling> others = new ArrayList<>();
        for (Path p : files) {
            if (!p.equals(file)) {
                others.add(new Siblings.Sibling(p.getFileName().toString(), pid(p), () -> Trace.of(Testdata.read(p))));
            }
        }
        return new Siblings(pid(file), others);
    }

    private static int pid(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The file whose first line is an execve: the first process. */
    private Path main() {
        return files.stream().filter(p -> Testdata.read(p).startsWith("execve(")).findFirst().orElseThrow();
    }

    @Test
    void aCloneResultGoesToTheFirstLineOfTheChildsFile() {
        Path main = main();
        String text = Testdata.read(main);
        Trace trace = Trace.of(text);
        int clone = text.indexOf("\nclone(") + 1;
        int result = text.indexOf(") = ", clone) + 4;
        int child = Integer.parseInt(text.substring(result, text.indexOf('\n', result)));
        String childFile = main.getFileName().toString().replaceAll("\\d+$", Integer.toString(child));
        String childText = Testdata.read(main.resolveSibling(childFile));

        assertThat(Definition.find(trace, result, siblingsOf(main), CancelCheck.NONE))
                .containsExactly(new Place(0, childText.indexOf('\n'), childFile));
        // without the other files, the child has no line to go to
        assertThat(Definition.find(trace, result, CancelCheck.NONE)).isEmpty();
    }

    @Test
    void anInheritedFdGoesToItsMakerInTheParentsFile() {
        Path main = main();
        String mainText = Testdata.read(main);
        Path child = files.stream().filter(p -> Testdata.read(p).contains(", \"hi\", 2)")).findFirst().orElseThrow();
        String childText = Testdata.read(child);
        int write = childText.indexOf("write(8<pipe:") + "write(".length();
        int pipe = mainText.indexOf("pipe2([7<pipe:");
        int made = mainText.indexOf(", 8<pipe:", pipe) + 2;

        assertThat(Definition.find(Trace.of(childText), write, siblingsOf(child), CancelCheck.NONE))
                .containsExactly(new Place(made, made + 1, main.getFileName().toString()));
        // alone, the child's file can only say the fd was there from its first line
        assertThat(Definition.find(Trace.of(childText), write, CancelCheck.NONE))
                .containsExactly(new Place(0, childText.indexOf('\n')));
    }
}
