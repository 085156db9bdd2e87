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

    /** A page shared by several calls: each gets the paragraph that names it, or nothing. */
    @Test
    void quotesTheParagraphThatNamesTheCallNeverASiblings(@TempDir Path dir) throws IOException {
        page(dir, "getuid", ".TH GETUID 2\n.SH DESCRIPTION\n.BR getuid ()\nreturns the real user ID of the calling process.\n"
                + ".PP\n.BR geteuid ()\nreturns the effective user ID of the calling process.\n.SH RETURN VALUE\n");
        Files.createSymbolicLink(dir.resolve("geteuid.2.gz"), dir.resolve("getuid.2.gz"));
        page(dir, "_exit", ".TH _EXIT 2\n.SH DESCRIPTION\n.BR _exit ()\nterminates the calling process.\n"
                + ".PP\nSee also\n.BR exit (3).\n.SH RETURN VALUE\n");
        Files.createSymbolicLink(dir.resolve("exit.2.gz"), dir.resolve("_exit.2.gz"));
        page(dir, "mmap", ".TH MMAP 2\n.SH DESCRIPTION\n.BR mmap ()\ncreates a new mapping.\n.SS munmap()\nThe\n.BR munmap ()\n"
                + "system call deletes the mappings.\n.SH RETURN VALUE\n");
        Files.createSymbolicLink(dir.resolve("munmap.2.gz"), dir.resolve("mmap.2.gz"));
        ManPages pages = new ManPages(dir);
        assertThat(pages.description("getuid")).hasValue("**getuid**() returns the real user ID of the calling process.");
        assertThat(pages.description("geteuid")).hasValue("**geteuid**() returns the effective user ID of the calling process.");
        assertThat(pages.description("munmap")).hasValue("The **munmap**() system call deletes the mappings.");
        assertThat(pages.description("exit")).as("the raw exit ends a thread; _exit's paragraph says the process").isEmpty();
    }

    @Test
    void rendersEveryEscapeTheInstalledPagesUse(@TempDir Path dir) throws IOException {
        page(dir, "bind", ".SH DESCRIPTION\n.BR bind ()\nassigns\\~an address\\[em]a name\\(emto a socket; it is \\*(lqnamed\\*(rq,\n"
                + "not \\[aq]anonymous\\[aq] (\\f[I]see\\f[] \\fBsocket\\fP\\c\n(2)), \\:up to \\[ti]\\[ha]\\[dq]\\%x\\&.\n.SH RETURN VALUE\n");
        assertThat(new ManPages(dir).description("bind")).hasValueSatisfying(text -> assertThat(text)
                .isEqualTo("**bind**() assigns an address—a name—to a socket; it is \"named\", not 'anonymous' (*see* "
                        + "**socket**(2)), up to ~^\"x.")
                .doesNotContain("\\"));
    }

    /** Debian's manpages-dev: the pages the issue found wrong (shared pages, raw roff). */
    @Test
    void theInstalledSharedPagesQuoteTheHoveredCall() {
        assertThat(ManPages.system().description("read")).as("manpages-dev installed").isPresent();
        assertThat(ManPages.system().description("geteuid")).hasValueSatisfying(t -> assertThat(t).startsWith("**geteuid**()"));
        assertThat(ManPages.system().description("getppid")).hasValueSatisfying(t -> assertThat(t).startsWith("**getppid**()"));
        assertThat(ManPages.system().description("munmap")).hasValueSatisfying(t -> assertThat(t).contains("**munmap**()"));
        assertThat(ManPages.system().description("writev")).hasValueSatisfying(t -> assertThat(t).contains("**writev**()"));
        assertThat(ManPages.system().description("exit")).isEmpty();
        for (String name : new String[] {"bind", "getxattr", "lgetxattr", "newfstatat", "pselect6", "stat"}) {
            assertThat(ManPages.system().description(name)).as(name)
                    .hasValueSatisfying(t -> assertThat(t).doesNotContain("\\[").doesNotContain("\\c").doesNotContain("\\f"));
        }
    }
}
