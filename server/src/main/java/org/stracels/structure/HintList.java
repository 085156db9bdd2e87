package org.stracels.structure;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.stracels.structure.InlayHints.Hint;
import org.stracels.structure.InlayHints.Kind;

/**
 * The hints of one request, kept as an offset and the number of a shared text per hint (8 bytes each): a
 * whole-document request makes millions of hints, most of them with one of a few texts, and millions of live
 * objects made the garbage collector most of the request's time. Each {@link #get} makes its {@link Hint}.
 * Read-only for its users; only hints within {@code [start, end]} are kept.
 */
final class HintList extends AbstractList<Hint> implements RandomAccess {
    private final int start;
    private final int end;
    /** The texts: label, kind and tooltip, at offset -1. */
    private final List<Hint> texts = new ArrayList<>();
    private final Map<Hint, Integer> numbers = new HashMap<>();
    private int[] offsets = new int[64];
    private int[] textOf = new int[64];
    private int size;

    /** Keeps the hints at offsets in {@code [start, end]}. */
    HintList(int start, int end) {
        this.start = start;
        this.end = end;
    }

    /** A text to share between hints (the same number for the same text); its number for {@link #add}. */
    int text(String label, Kind kind, String tooltip) {
        Hint text = new Hint(-1, label, kind, tooltip);
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        texts.add(text);
        numbers.put(text, texts.size() - 1);
        return texts.size() - 1;
    }

    /** A hint at {@code offset} with text number {@code text}, if the offset is in the range. */
    void add(int offset, int text) {
        if (offset < start || offset > end) {
            return;
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            textOf = Arrays.copyOf(textOf, size * 2);
        }
        offsets[size] = offset;
        textOf[size] = text;
        size++;
    }

    @Override
    public Hint get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        Hint text = texts.get(textOf[index]);
        return new Hint(offsets[index], text.label(), text.kind(), text.tooltip());
    }

    @Override
    public int size() {
        return size;
    }
}
