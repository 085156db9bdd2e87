package org.stracels.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a file's findings to a number an editor can show: the most severe ones (errors, then warnings, …;
 * among equals the earlier line), back in line order, and one more, of severity information, that says how
 * many were left out.
 */
public final class FindingCap {
    private FindingCap() {
    }

    /** {@code findings} (in line order) if there are at most {@code max}, else the {@code max} most severe plus the note. */
    public static List<Finding> apply(List<Finding> findings, int max) {
        int limit = Math.max(0, max);
        if (findings.size() <= limit) {
            return findings;
        }
        List<Integer> order = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        // Severity's order is ERROR, WARNING, INFORMATION, HINT: the ordinal is the rank; the sort is stable
        order.sort(Comparator.comparingInt(i -> findings.get(i).severity().ordinal()));
        List<Integer> kept = new ArrayList<>(order.subList(0, limit));
        kept.sort(null);
        List<Finding> result = new ArrayList<>(limit + 1);
        for (int i : kept) {
            result.add(findings.get(i));
        }
        int left = findings.size() - limit;
        result.add(new Finding(0, -1, -1, Severity.INFORMATION, FindingClass.LEFT_OUT, FindingCode.LEFT_OUT.id(),
                String.format("%,d more diagnostics are not shown: only the %,d most severe of %,d are published"
                        + " (setting strace.diagnostics.maxPerFile)", left, limit, findings.size()), List.of()));
        return result;
    }
}
