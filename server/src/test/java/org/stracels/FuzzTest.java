package org.stracels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;

/**
 * Seeded mutation fuzzing over every testdata trace: each text is a real trace mutated a few times (cut
 * anywhere, characters flipped to {@code ()[]{}"\<>=,|} and non-ASCII, a class of characters deleted, lines
 * shuffled or spliced from another trace, numbers blown up, line endings changed), then every feature runs on
 * it ({@link EveryFeature}), with hover, definition, references and highlight at random offsets. No feature
 * may throw, and none may take more than a bound per character (generous: it catches quadratic walks, not
 * a slow machine).
 *
 * <p>{@code mvn verify} runs {@value #DEFAULT_TEXTS} texts; {@code -Dfuzz.texts=100000} (and
 * {@code -Dfuzz.seed=N}) runs more, as a benchmark: {@code mvn -o test -Dtest=FuzzTest -Dfuzz.texts=100000}.
 */
class FuzzTest {
    static final int DEFAULT_TEXTS = 300;
    private static final String FLIPS = "()[]{}\"\\<>=,|é€\u0000\t😀";
    /** A text of n characters may take 2 s plus 50 µs per character over every feature (1 MB: 52 s). */
    private static final long BASE_NANOS = 2_000_000_000L;
    private static final long NANOS_PER_CHAR = 50_000L;

    @Test
    void everyFeatureSurvivesMutatedTraces() {
        int texts = Integer.getInteger("fuzz.texts", DEFAULT_TEXTS);
        long seed = Long.getLong("fuzz.seed", 16L);
        List<String> corpus = new ArrayList<>();
        for (Path file : Testdata.traces()) {
            corpus.add(Testdata.read(file));
        }
        Random random = new Random(seed);
        long slowest = 0;
        long start = System.nanoTime();
        for (int k = 0; k < texts; k++) {
            String text = corpus.get(random.nextInt(corpus.size()));
            int mutations = 1 + random.nextInt(4);
            StringBuilder how = new StringBuilder();
            for (int m = 0; m < mutations; m++) {
                int kind = random.nextInt(8);
                how.append(kind).append(' ');
                text = mutate(text, kind, random, corpus);
            }
            String what = "text " + k + " (seed " + seed + ", mutations " + how.toString().trim() + ")";
            long t0 = System.nanoTime();
            try {
                Trace trace = Trace.of(text);
                EveryFeature.whole(trace);
                for (int q = 0; q < 8; q++) {
                    EveryFeature.at(trace, random.nextInt(text.length() + 2) - 1);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(what + " threw " + e, e);
            }
            long took = System.nanoTime() - t0;
            slowest = Math.max(slowest, took);
            assertThat(took).as("%s: %,d chars took %,d ms", what, text.length(), took / 1_000_000)
                    .isLessThan(BASE_NANOS + NANOS_PER_CHAR * text.length());
        }
        if (texts > DEFAULT_TEXTS) {
            System.out.printf("fuzz: %,d texts in %.1f s, slowest %.1f ms%n", texts, (System.nanoTime() - start) / 1e9,
                    slowest / 1e6);
        }
    }

    static String mutate(String text, int kind, Random r, List<String> corpus) {
        if (text.isEmpty()) {
            return corpus.get(r.nextInt(corpus.size()));
        }
        int at = r.nextInt(text.length());
        switch (kind) {
            case 0: { // cut anywhere
                int end = at + r.nextInt(text.length() - at + 1);
                return text.substring(at, end);
            }
            case 1: { // flip characters
                StringBuilder b = new StringBuilder(text);
                for (int n = 1 + r.nextInt(20); n > 0; n--) {
                    int i = r.nextInt(b.length());
                    b.setCharAt(i, FLIPS.charAt(r.nextInt(FLIPS.length())));
                }
                return b.toString();
            }
            case 2: { // delete a class of characters
                String[] classes = {"\\(", "\\)", "\"", "[0-9]", "\\s(?=[^\\n])", "[{}]", "[<>]", "=", ","};
                return text.replaceAll(classes[r.nextInt(classes.length)], "");
            }
            case 3: { // shuffle lines
                List<String> lines = new ArrayList<>(text.lines().toList());
                Collections.shuffle(lines, r);
                return String.join("\n", lines);
            }
            case 4: { // splice lines of another trace in
                String other = corpus.get(r.nextInt(corpus.size()));
                int from = r.nextInt(other.length() + 1);
                int to = Math.min(other.length(), from + r.nextInt(2000));
                return text.substring(0, at) + other.substring(from, to) + text.substring(at);
            }
            case 5: { // blow up numbers
                return text.replaceAll("\\b(\\d{1,3})\\b", r.nextBoolean() ? "99999999999999999999$1" : "-$1");
            }
            case 6: { // line endings
                String[] endings = {"\r\n", "\r", "", "\n\n"};
                return text.replace("\n", endings[r.nextInt(endings.length)]);
            }
            default: { // duplicate a piece many times
                int end = Math.min(text.length(), at + 1 + r.nextInt(200));
                return text.substring(0, at) + text.substring(at, end).repeat(1 + r.nextInt(50)) + text.substring(at);
            }
        }
    }
}
