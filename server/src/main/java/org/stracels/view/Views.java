package org.stracels.view;

import java.util.BitSet;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;

/**
 * Views of a trace: the chosen lines of the original, verbatim and in order, each remembering its line. Made in two
 * passes over the source: one chooses (into a bit per line, {@link ViewSelector}), the other copies the chosen lines,
 * so a view of a file of any size needs memory for the bits and for the view itself only.
 */
public final class Views {
    /** Lines a view hands to an editor at most; the CLI prints all. */
    public static final int MAX_LINES = 200_000;

    /** A view: its title, its text (lines joined with LF), the original line of each of its lines. */
    public record View(String title, String text, int[] lines, int total, boolean truncated) { }

    private Views() {
    }

    /** The lines {@code filter} chooses in {@code source}. */
    public static BitSet choose(TraceSource source, ViewFilter filter, CancelCheck cancel,
            WindowScanner.Progress progress) throws Exception {
        String problem = filter.check();
        if (problem != null) {
            throw new ViewException(problem);
        }
        ViewSelector selector = new ViewSelector(filter);
        source.scan(cancel, progress, w -> selector.add(w, cancel));
        selector.finish();
        return selector.chosen();
    }

    /** The view for an editor: at most {@code maxLines} lines of it; {@code total} says how many were chosen. */
    public static View of(TraceSource source, ViewFilter filter, int maxLines, CancelCheck cancel,
            WindowScanner.Progress progress) throws Exception {
        BitSet chosen = choose(source, filter, cancel, progress);
        int total = chosen.cardinality();
        int n = Math.min(total, maxLines);
        int[] lines = new int[n];
        StringBuilder text = new StringBuilder();
        int[] k = {0};
        source.lines(chosen, cancel, (line, content) -> {
            if (k[0] >= n) {
                return false;
            }
            if (k[0] > 0) {
                text.append('\n');
            }
            text.append(content);
            lines[k[0]++] = line;
            return true;
        });
        String title = source.name() + " — " + filter.describe() + " (" + String.format(java.util.Locale.ROOT, "%,d", total)
                + (total == 1 ? " line" : " lines") + (total > n ? ", first " + String.format(java.util.Locale.ROOT, "%,d", n) + " shown" : "")
                + ")";
        return new View(title, text.toString(), k[0] == n ? lines : java.util.Arrays.copyOf(lines, k[0]), total, total > n);
    }
}
