package org.stracels.navigate;

/**
 * A place navigation leads to: {@code [start, end)} char offsets in a trace. {@code file} is null for the
 * trace the request was about; else the name of the -ff sibling file ({@code PREFIX.PID}) in the same folder.
 */
public record Place(int start, int end, String file) {
    public Place(int start, int end) {
        this(start, end, null);
    }
}
