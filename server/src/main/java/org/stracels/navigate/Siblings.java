package org.stracels.navigate;

import java.util.List;
import java.util.function.Supplier;
import org.stracels.analysis.Trace;

/**
 * The other files of an -ff trace ({@code PREFIX.PID}, one per process), for navigation that crosses files.
 * Supplied by the caller (the language server knows the open documents and the folder); their traces are
 * read only when a navigation needs them.
 *
 * @param pid   the pid in the name of the file navigation starts from, or -1
 * @param files every other file of the same prefix
 */
public record Siblings(int pid, List<Sibling> files) {
    public static final Siblings NONE = new Siblings(-1, List.of());

    /** One other file: its name ({@code trace.1234}), the pid in its name, and its trace on demand (null if unreadable). */
    public record Sibling(String name, int pid, Supplier<Trace> trace) { }

    public Siblings {
        files = List.copyOf(files);
    }

    /** The file of process {@code pid}, or null. */
    public Sibling ofPid(int pid) {
        for (Sibling s : files) {
            if (s.pid() == pid) {
                return s;
            }
        }
        return null;
    }
}
