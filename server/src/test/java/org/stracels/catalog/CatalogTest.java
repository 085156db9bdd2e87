package org.stracels.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name of the facts files has an entry in the catalogue, with every field filled. */
class CatalogTest {
    private static final Path FACTS = Path.of("src/main/resources/org/stracels/facts");

    /** A facts file as copied into the server's resources from the shared facts (strace's own tables). */
    private static List<String> names(String file, int column) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(FACTS.resolve(file))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("\t")[column].trim());
            }
        }
        return names;
    }

    @Test
    void everySyscallOfBothArchitecturesIsDocumented() throws IOException {
        Catalog catalog = Catalog.get();
        List<String> missing = new ArrayList<>();
        for (String file : List.of("syscalls-x86_64.txt", "syscalls-aarch64.txt")) {
            for (String name : names(file, 0)) {
                SyscallDoc doc = catalog.syscall(name);
                if (doc == null || blank(doc.summary()) || blank(doc.signature()) || blank(doc.returns()) || blank(doc.kind())) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(catalog.syscall("openat").param(2).name()).isEqualTo("flags");
    }

    @Test
    void theNamesOfI386AndX32PersonalitiesAreDocumented() throws IOException {
        List<String> names = new ArrayList<>();
        try (var in = Catalog.class.getResourceAsStream("/org/stracels/catalog/syscalls-4.names.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.split("\t")[0]);
                }
            }
        }
        assertThat(names).contains("_llseek", "mmap2", "socketcall", "rt_sigaction#64");
        assertThat(names).allSatisfy(name -> assertThat(Catalog.get().syscall(name)).as(name).isNotNull());
    }

    @Test
    void everyErrnoAndSignalIsDocumented() throws IOException {
        Catalog catalog = Catalog.get();
        List<String> missing = new ArrayList<>();
        for (String name : names("errnos.txt", 0)) {
            ErrnoDoc doc = catalog.errno(name);
            if (doc == null || blank(doc.meaning()) || blank(doc.message())) {
                missing.add(name);
            }
        }
        for (String name : names("signals.txt", 0)) {
            SignalDoc doc = catalog.signal(name);
            if (doc == null || blank(doc.meaning()) || blank(doc.action())) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(catalog.errno("ENOENT").number()).isEqualTo(2);
        assertThat(catalog.errno("ENOENT").causeFor("newfstatat")).isNotBlank();
        assertThat(catalog.signal("SIGRT_3").meaning()).isNotBlank();
    }

    @Test
    void errnoMessagesAreStracesOwn() throws IOException {
        Path path = FACTS.resolve("errnos.txt");
        for (String line : Files.readAllLines(path)) {
            String[] cols = line.split("\t");
            if (cols.length >= 3 && !line.startsWith("#")) {
                assertThat(Catalog.get().errno(cols[0]).message()).as(cols[0]).isEqualTo(cols[2]);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
