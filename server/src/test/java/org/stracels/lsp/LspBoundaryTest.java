package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the architecture's invariants true: lsp4j stays in this package, and its classes stay small. */
class LspBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path LSP = SOURCES.resolve("org/stracels/lsp");

    @Test
    void onlyTheLspPackageImportsLsp4j() throws IOException {
        assertThat(SOURCES).isDirectory();
        List<Path> offenders = javaFiles(SOURCES).stream()
                .filter(f -> !f.startsWith(LSP))
                .filter(f -> read(f).contains("org.eclipse.lsp4j"))
                .collect(Collectors.toList());
        assertThat(offenders).isEmpty();
    }

    @Test
    void protocolClassesStaySmall() throws IOException {
        for (Path file : javaFiles(LSP)) {
            assertThat(read(file).lines().count()).as("lines of %s", file).isLessThan(250);
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
