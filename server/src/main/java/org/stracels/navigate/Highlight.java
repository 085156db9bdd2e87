package org.stracels.navigate;

/** One occurrence to highlight: {@code write} where an fd is made (or the call is), else a read. */
public record Highlight(int start, int end, boolean write) { }
