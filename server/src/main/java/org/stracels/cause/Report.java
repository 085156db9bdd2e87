package org.stracels.cause;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An error a program reported: the writes that make one message, and the causes ranked for it.
 *
 * @param lines         the lines of the writes, in order; the first is where the message is shown
 * @param processId     the process that wrote it ({@code ProcessInfo#id()})
 * @param start         offset of the first write's text (the message), for the diagnostic's range
 * @param end           offset just past it
 * @param message       the text written, escapes resolved; {@code …} where strace cut a string (-s)
 * @param toStderr      written to stderr or a terminal (else a message-like write to another fd)
 * @param processFailed the process exited non-zero or was killed
 * @param causes        the likely causes, most likely first; empty when no call failed before it
 * @param channel       where it was written, in words: {@code stderr}, {@code the log file /var/log/x.log},
 *                      {@code syslog (/dev/log)}, {@code the journal}, {@code another fd}
 */
public record Report(int[] lines, int processId, int start, int end, String message, boolean toStderr,
        boolean processFailed, List<Cause> causes, String channel) {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The line of the first write. */
    public int line() {
        return lines[0];
    }

    /** The line of the last write. */
    public int lastLine() {
        return lines[lines.length - 1];
    }

    /** The message on one line and cut to {@code max} chars, for sentences. */
    public String excerpt(int max) {
        String one = SPACES.matcher(message.strip()).replaceAll(" ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
