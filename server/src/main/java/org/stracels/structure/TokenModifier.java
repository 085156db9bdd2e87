package org.stracels.structure;

/**
 * Semantic token modifiers. The first two are standard LSP modifiers; the others are ours, declared in the
 * legend, and clients that do not know them simply colour the token by its type. The bit of each is
 * {@code 1 << ordinal()}.
 */
public enum TokenModifier {
    /** An fd: a handle, not a quantity. */
    READONLY("readonly"),
    /** A syscall: the kernel's library. */
    DEFAULT_LIBRARY("defaultLibrary"),
    /** A pointer or code address. */
    ADDRESS("address"),
    /** A -t/-tt/-ttt/-r time. */
    TIMESTAMP("timestamp"),
    /** A -T duration. */
    DURATION("duration");

    private final String legendName;

    TokenModifier(String legendName) {
        this.legendName = legendName;
    }

    public String legendName() {
        return legendName;
    }

    public int bit() {
        return 1 << ordinal();
    }
}
