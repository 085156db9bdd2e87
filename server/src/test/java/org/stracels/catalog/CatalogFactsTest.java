package org.stracels.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's claims against strace's own tables in {@code ../shared/facts/}: every number a hover can show
 * (a constant's value, an errno's number, a signal's number) agrees with strace 6.1's tables, and every constant a
 * catalogue text names exists there, in the catalogue, or in {@code names-beyond-strace-tables.txt} (each with the
 * header that defines it). The facts live beside the repository, not in it: where they are absent (a CI checkout
 * without {@code ../shared}) the tests are skipped, saying so.
 */
class CatalogFactsTest {
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b|\\bSIG[A-Z0-9]+\\b");

    private static Path facts;
    /** constant → every value strace's tables give it (architecture-dependent constants have several). */
    private static final Map<String, List<String>> XLAT = new HashMap<>();
    private static final Map<String, Integer> ERRNOS = new HashMap<>();
    private static final Map<String, Integer> SIGNALS = new HashMap<>();

    /** {@code ../shared/facts} from the repository root (the tests run in {@code server/}), or {@code -Dfacts.dir}. */
    static Path factsDir() {
        String configured = System.getProperty("facts.dir");
        if (configured != null) {
            Path dir = Path.of(configured);
            return Files.isRegularFile(dir.resolve("xlat-constants.tsv")) ? dir : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/facts");
            if (Files.isRegularFile(candidate.resolve("xlat-constants.tsv"))) {
                return candidate;
            }
        }
        return null;
    }

    @BeforeAll
    static void readFacts() throws IOException {
        facts = factsDir();
        if (facts == null) {
            return;
        }
        for (String[] row : rows("xlat-constants.tsv")) {
            if (row.length >= 2) {
                XLAT.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row.length >= 3 ? row[2].trim() : "");
            }
        }
        for (String[] row : rows("errnos.txt")) {
            ERRNOS.put(row[0], Integer.parseInt(row[1].trim()));
        }
        for (String[] row : rows("signals.txt")) {
            SIGNALS.put(row[0], Integer.parseInt(row[1].trim()));
        }
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(facts.resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static void needFacts() {
        assumeTrue(facts != null, "../shared/facts (strace 6.1's tables) not found beside the repository: the catalogue's"
                + " numbers cannot be checked against them here (set -Dfacts.dir=… to point at them)");
    }

    /** A C constant expression of the forms the tables and the catalogue use: 0x1f, 0644, -100, (1 << 3), 1U<<17. */
    static OptionalLong value(String c) {
        String s = c.trim();
        Matcher shift = Pattern.compile("\\(?\\s*(\\d+)[UL]*\\s*<<\\s*(\\d+)\\s*\\)?").matcher(s);
        if (shift.matches()) {
            return OptionalLong.of(Long.parseLong(shift.group(1)) << Integer.parseInt(shift.group(2)));
        }
        try {
            boolean negative = s.startsWith("-");
            String d = negative ? s.substring(1) : s;
            d = d.replaceAll("[UuLl]+$", "");
            long v = d.startsWith("0x") || d.startsWith("0X") ? Long.parseUnsignedLong(d.substring(2), 16)
                    : d.length() > 1 && d.startsWith("0") ? Long.parseLong(d, 8) : Long.parseLong(d);
            return OptionalLong.of(negative ? -v : v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Test
    void theExpressionsOfTheTablesAreRead() {
        assertThat(value("(1 << 16)")).hasValue(65536);
        assertThat(value("(1U<<17)")).hasValue(131072);
        assertThat(value("0120000")).hasValue(0120000);
        assertThat(value("-100")).hasValue(-100);
        assertThat(value("0x1f")).hasValue(31);
        assertThat(value("_IOR('T', 1, int)")).isEmpty();
    }

    @Test
    void everyConstantValueAHoverShowsIsStracesOwn() {
        needFacts();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ConstantDoc doc : Catalog.get().constants().values()) {
            List<String> stated = XLAT.get(doc.name());
            if (doc.value() == null || stated == null) {
                continue;
            }
            OptionalLong ours = value(doc.value());
            List<Long> theirs = stated.stream().map(CatalogFactsTest::value).filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong).toList();
            if (theirs.isEmpty()) {
                continue; // the table takes it from the kernel headers: nothing to compare with here
            }
            checked++;
            if (ours.isEmpty() || !theirs.contains(ours.getAsLong())) {
                wrong.add(doc.name() + " = " + doc.value() + ", strace's table: " + stated);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("constants compared with strace's tables").isGreaterThan(1000);
    }

    @Test
    void everyErrnoAndSignalNumberIsStracesOwn() {
        needFacts();
        List<String> wrong = new ArrayList<>();
        ERRNOS.forEach((name, number) -> {
            ErrnoDoc doc = Catalog.get().errno(name);
            if (doc == null || doc.number() != number) {
                wrong.add(name + ": " + (doc == null ? "missing" : doc.number()) + " ≠ " + number);
            }
        });
        SIGNALS.forEach((name, number) -> {
            SignalDoc doc = Catalog.get().signal(name);
            if (doc == null || doc.number() != number) {
                wrong.add(name + ": " + (doc == null ? "missing" : doc.number()) + " ≠ " + number);
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(ERRNOS).hasSizeGreaterThan(130);
        assertThat(SIGNALS).hasSizeGreaterThan(30);
    }

    @Test
    void theFileTypeBitsOfAModeAreStracesOwn() {
        needFacts();
        // ValueExplainer names the file type of a raw mode (st_mode=020666) with these values; strace's modetypes
        // table lists the names and takes the values from the kernel headers (<linux/stat.h>), as the catalogue does
        Map<String, Long> types = Map.of("S_IFSOCK", 0140000L, "S_IFLNK", 0120000L, "S_IFREG", 0100000L,
                "S_IFBLK", 060000L, "S_IFDIR", 040000L, "S_IFCHR", 020000L, "S_IFIFO", 010000L);
        types.forEach((name, v) -> {
            assertThat(XLAT).as(name).containsKey(name);
            assertThat(value(Catalog.get().constant(name).value())).as(name).hasValue(v);
        });
    }

    @Test
    void everyConstantTheCatalogueDocumentsExists() throws IOException {
        needFacts();
        Set<String> beyond = beyondTables();
        Set<String> unknown = new TreeSet<>();
        for (String name : Catalog.get().constants().keySet()) {
            if (!XLAT.containsKey(name) && !isSignalSetName(name) && !beyond.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : Catalog.get().siCodes().keySet()) {
            if (!XLAT.containsKey(name) && !beyond.contains(name)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("catalogue constants in neither strace's tables nor the list of names beyond them").isEmpty();
    }

    @Test
    void everyCatalogueTextNamesOnlyConstantsThatExist() throws IOException {
        needFacts();
        Set<String> known = new HashSet<>(XLAT.keySet());
        known.addAll(ERRNOS.keySet());
        known.addAll(SIGNALS.keySet());
        known.addAll(beyondTables());
        known.addAll(Catalog.get().constants().keySet());
        known.addAll(Catalog.get().siCodes().keySet());
        Set<String> unknown = new TreeSet<>();
        List<String> texts = texts();
        for (String text : texts) {
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                Matcher name = NAME.matcher(code.group(1));
                while (name.find()) {
                    String n = name.group();
                    if (!known.contains(n) && !n.matches("SIGRT_\\d+")) {
                        unknown.add(n);
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(5000);
        assertThat(unknown).as("names in catalogue texts that exist nowhere we know of").isEmpty();
    }

    /** Signal sets print names without SIG ({@code [INT TERM]}), realtime ones as RT_n and RTMIN. */
    private static boolean isSignalSetName(String name) {
        return SIGNALS.containsKey("SIG" + name) || name.matches("RT_\\d+|RTMIN");
    }

    private static Set<String> beyondTables() throws IOException {
        Set<String> names = new HashSet<>();
        try (InputStream in = CatalogFactsTest.class.getResourceAsStream("names-beyond-strace-tables.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    assertThat(cols).as("every name says where it is defined: " + line).hasSize(2);
                    names.add(cols[0]);
                }
            }
        }
        return names;
    }

    /** Every text of the catalogue a hover can show. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        Catalog c = Catalog.get();
        for (SyscallDoc d : c.syscalls().values()) {
            add(texts, d.summary(), d.returns(), d.strace());
            for (SyscallDoc.ParamDoc p : d.params()) {
                add(texts, p.doc());
            }
        }
        for (ErrnoDoc d : c.errnos().values()) {
            add(texts, d.meaning());
            texts.addAll(d.causes().values());
        }
        for (SignalDoc d : c.signals().values()) {
            add(texts, d.meaning());
        }
        for (SiCodeDoc d : c.siCodes().values()) {
            add(texts, d.meaning());
        }
        for (ConstantDoc d : c.constants().values()) {
            add(texts, d.meaning());
        }
        texts.addAll(c.fieldDocs().values());
        return texts;
    }

    private static void add(List<String> texts, String... more) {
        for (String t : more) {
            if (t != null) {
                texts.add(t);
            }
        }
    }
}
