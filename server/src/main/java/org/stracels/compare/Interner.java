package org.stracels.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalised texts as small numbers, shared by the two runs of a comparison so that equal meanings get equal
 * ids in both. A run keeps ids, not texts: memory grows with the distinct normalised calls, not with the file.
 */
final class Interner {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    int id(String text) {
        Integer id = ids.get(text);
        if (id == null) {
            id = texts.size();
            texts.add(text);
            ids.put(text, id);
        }
        return id;
    }

    /** The text of an id; null for -1. */
    String text(int id) {
        return id < 0 ? null : texts.get(id);
    }

    int size() {
        return texts.size();
    }
}
