package org.stracels.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManPagesTest {

    private static void page(Path dir, String name, String roff) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".2.gz")))) {
            out.write(roff.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Debian's manpages-dev, which .ci/run installs. */
    @Test
    void readsTheFirstDescriptionParagraphOfTheInstalledPage() {
        assertThat(ManPages.system().description("read")).hasValueSatisfying(text -> assertThat(text)
                .startsWith("**read**() attempts to read up to *count* bytes from file descriptor *fd*")
                .doesNotContain(".BR").doesNotContain("\\f"));
    }

    @Test
    void followsSoRedirectsAndRendersFontsAndEscapes(@TempDir Path dir) throws IOException {
        page(dir, "pread64", ".so man2/pread.2\n");
        page(dir, "pread", ".\\\" a comment\n.TH PREAD 2\n.SH NAME\npread \\- read\n.SH DESCRIPTION\n"
                + ".BR pread ()\nreads up to\n.I count\nbytes at \\fIoffset\\fP (see\n.BR lseek (2)).\n.PP\nSecond paragraph.\n");
        ManPages pages = new ManPages(dir);
        assertThat(pages.description("pread64"))
                .hasValue("**pread**() reads up to *count* bytes at *offset* (see **lseek**(2)).");
    }

    @Test
    void onlyNamesTheCatalogueKnowsAreLookedUp(@TempDir Path dir) throws IOException {
        page(dir, "evil", ".SH DESCRIPTION\nshould never be read\n");
        ManPages pages = new ManPages(dir);
        assertThat(pages.description("evil")).isEmpty();
        assertThat(pages.description("../man2/read")).isEmpty();
        assertThat(pages.description("getpid")).isEmpty(); // known, but no page in this folder
    }
}
