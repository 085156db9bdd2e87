package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Texts come back sorted by key, ties in arrival order, whole and unchanged (multi-line, non-ASCII). */
class SortedSpillTest {
    private record Item(int key, int arrival, String text) { }

    @Test
    void textsComeBackByKeyThenArrival() {
        Random random = new Random(11);
        List<Item> items = new ArrayList<>();
        try (SortedSpill spill = new SortedSpill()) {
            for (int k = 0; k < 5000; k++) {
                int key = random.nextInt(300) - 20; // negative keys too
                String text = "entry " + k + " «" + key + "»\n  line two — " + "x".repeat(random.nextInt(200)) + "\n";
                items.add(new Item(key, k, text));
                spill.add(key, text);
            }
            List<String> out = new ArrayList<>();
            spill.forEachSorted(out::add);
            items.sort(Comparator.comparingInt(Item::key).thenComparingInt(Item::arrival));
            assertThat(out).containsExactlyElementsOf(items.stream().map(Item::text).toList());
            assertThat(spill.size()).isEqualTo(5000);
        }
    }

    @Test
    void nothingSpilledIsNothingBack() {
        try (SortedSpill spill = new SortedSpill()) {
            List<String> out = new ArrayList<>();
            spill.forEachSorted(out::add);
            assertThat(out).isEmpty();
        }
    }
}
