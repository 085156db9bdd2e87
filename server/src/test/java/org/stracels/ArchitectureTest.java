package org.stracels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the invariants of ARCHITECTURE.md true by reading the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/stracels");

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theCoreKnowsNothingOfTheProtocol() throws IOException {
        for (String pkg : List.of("parse", "analysis", "cause", "check", "hover", "navigate", "structure", "settings")) {
            List<Path> files = sources(pkg);
            assertThat(files).as(pkg).isNotEmpty();
            for (Path file : files) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("org.eclipse.lsp4j").doesNotContain("com.google.gson");
            }
        }
    }

    @Test
    void theDocumentationAndHoverKnowNothingOfTheProtocol() throws IOException {
        for (String pkg : List.of("catalog", "hover")) {
            for (Path file : sources(pkg)) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.eclipse.lsp4j");
            }
        }
    }

    @Test
    void theReportKnowsNothingOfTheProtocol() throws IOException {
        for (Path file : sources("report")) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.eclipse.lsp4j");
        }
    }

    @Test
    void theCauseAnalysisDoesNotDependOnTheFindingsBuiltFromIt() throws IOException {
        for (Path file : sources("cause")) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.stracels.check")
                    .doesNotContain("org.stracels.hover").doesNotContain("org.stracels.lsp");
        }
    }

    @Test
    void onlyTheCliWritesToStandardOutput() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.startsWith(MAIN.resolve("cli"))) {
                    continue;
                }
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("System.out.print");
            }
        }
    }
}
