package org.stracels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the invariants of ARCHITECTURE.md true by reading the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/stracels");

    /**
     * The layers: which of our packages each package may import ({@code ""} is {@code org.stracels} itself,
     * the jar's entry point). ARCHITECTURE.md draws the same table ({@link #architectureMdDrawsThisTable}). A new
     * package gets a row here and there; a package with no row fails {@link #everyPackageImportsOnlyWhatItsLayerMay}.
     */
    static final Map<String, Set<String>> MAY_IMPORT = new TreeMap<>(Map.ofEntries(
            layer("parse"),
            layer("catalog"),
            layer("analysis", "parse"),
            layer("cause", "parse", "analysis"),
            layer("check", "parse", "analysis", "cause"),
            layer("navigate", "parse", "analysis"),
            layer("structure", "parse", "analysis", "catalog", "check"),
            layer("hover", "parse", "analysis", "catalog", "cause", "check"),
            layer("settings", "check", "structure"),
            layer("stream", "parse", "analysis"),
            layer("view", "parse", "analysis", "catalog", "cause", "check", "stream", "structure"),
            layer("report", "parse", "analysis", "cause", "check", "stream", "structure"),
            layer("compare", "parse", "analysis", "cause", "check", "stream"),
            layer("cli", "parse", "analysis", "catalog", "cause", "check", "hover", "navigate", "structure", "settings",
                    "stream", "view", "report", "compare"),
            layer("lsp", "parse", "analysis", "catalog", "cause", "check", "hover", "navigate", "structure", "settings",
                    "stream", "view", "report", "compare"),
            layer("", "cli", "lsp")));

    /** The layers of ARCHITECTURE.md's drawing, top first: a package may import only from the layers below it. */
    static final List<List<String>> LAYERS = List.of(List.of(""), List.of("lsp", "cli"), List.of("settings"),
            List.of("view", "report", "compare"), List.of("hover", "navigate", "structure"), List.of("check"),
            List.of("cause"), List.of("stream"), List.of("analysis"), List.of("parse", "catalog"));

    @Test
    void theTableOnlyPointsDown() {
        for (Map.Entry<String, Set<String>> row : MAY_IMPORT.entrySet()) {
            int level = levelOf(row.getKey());
            for (String used : row.getValue()) {
                assertThat(levelOf(used)).as(row.getKey() + " -> " + used).isGreaterThan(level);
            }
        }
    }

    private static int levelOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package '" + pkg + "' is in no layer of ArchitectureTest.LAYERS");
    }

    private static Map.Entry<String, Set<String>> layer(String pkg, String... imports) {
        return Map.entry(pkg, new TreeSet<>(Arrays.asList(imports)));
    }

    private static final Pattern OUR_PACKAGE = Pattern.compile("\\borg\\.stracels\\.([a-z]+)\\.");

    @Test
    void everyPackageImportsOnlyWhatItsLayerMay() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = MAIN.relativize(file).getParent();
                String pkg = dir == null ? "" : dir.toString().replace('/', '.');
                Set<String> allowed = MAY_IMPORT.get(pkg);
                if (allowed == null) {
                    wrong.add(file + ": package '" + pkg + "' has no row in ArchitectureTest.MAY_IMPORT and ARCHITECTURE.md");
                    continue;
                }
                Matcher m = OUR_PACKAGE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        wrong.add(file + " uses " + used + ", which " + (pkg.isEmpty() ? "org.stracels" : pkg)
                                + " may not import");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The table of ARCHITECTURE.md, between its "may import" header and the next blank line, is MAY_IMPORT. */
    @Test
    void architectureMdDrawsThisTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../ARCHITECTURE.md"));
        Map<String, Set<String>> drawn = new TreeMap<>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("| package | may import")) {
                in = true;
                continue;
            }
            if (in && (line.isBlank() || !line.startsWith("|"))) {
                break;
            }
            if (in && !line.startsWith("|--") && !line.startsWith("| --")) {
                String[] cells = line.split("\\|");
                String pkg = cells[1].replace("`", "").trim();
                Set<String> imports = new TreeSet<>();
                for (String used : cells[2].replace("`", "").split(",")) {
                    if (!used.isBlank() && !used.trim().equals("—")) {
                        imports.add(used.trim());
                    }
                }
                drawn.put(pkg.equals("org.stracels") ? "" : pkg, imports);
            }
        }
        assertThat(drawn).isEqualTo(MAY_IMPORT);
    }

    @Test
    void oneEntryPoint() throws IOException {
        List<String> mains = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("static void main(")) {
                    mains.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(mains).containsExactly("Main.java");
    }

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
