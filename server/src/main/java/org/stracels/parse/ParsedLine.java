package org.stracels.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything the line parser read on one physical line: its kind and the exact offsets of its parts.
 * Offsets are absolute char offsets into the trace text; absent parts are {@link Span#NONE}.
 * Instances are made on demand by {@link LineParser} and are not kept for the whole file.
 */
public final class ParsedLine {
    LineKind kind = LineKind.MALFORMED;
    int lineStart;
    int lineEnd;
    String problem;

    int pid = -1;
    Span pidSpan = Span.NONE;
    Span commSpan = Span.NONE;
    Span absTimeSpan = Span.NONE;
    Span relTimeSpan = Span.NONE;
    Span scnoSpan = Span.NONE;
    Span ipSpan = Span.NONE;
    int eventStart = -1;

    String name;
    Span nameSpan = Span.NONE;
    Span argsSpan = Span.NONE;
    Span unfinishedSpan = Span.NONE;
    Span tailSpan = Span.NONE;

    ReturnKind returnKind = ReturnKind.ABSENT;
    Span equalsSpan = Span.NONE;
    Span returnValueSpan = Span.NONE;
    Span returnDecorationSpan = Span.NONE;
    String errno;
    Span errnoSpan = Span.NONE;
    Span errnoTextSpan = Span.NONE;
    List<Span> notes = List.of();
    Span durationSpan = Span.NONE;
    long durationNanos = -1;

    Span detailSpan = Span.NONE;
    int number = -1;
    boolean coreDumped;

    ParsedLine() {
    }

    public LineKind kind() { return kind; }
    /** Offset of the first char of the line. */
    public int lineStart() { return lineStart; }
    /** Offset just past the last char of the line, before its line break. */
    public int lineEnd() { return lineEnd; }
    public Span lineSpan() { return new Span(lineStart, lineEnd); }
    /** Why the line is malformed, or null. */
    public String problem() { return problem; }

    /** The pid of the prefix, or -1 when the line has none. */
    public int pid() { return pid; }
    public Span pidSpan() { return pidSpan; }
    /** {@code <comm>} of -Y, including the angle brackets. */
    public Span commSpan() { return commSpan; }
    public Span absoluteTimeSpan() { return absTimeSpan; }
    /** -r time, including {@code (+ …)} when both are present. */
    public Span relativeTimeSpan() { return relTimeSpan; }
    /** {@code [ 12]} of -n. */
    public Span syscallNumberSpan() { return scnoSpan; }
    /** {@code [00007f…]} of -i. */
    public Span instructionPointerSpan() { return ipSpan; }
    /** Offset where the event (syscall, signal, exit...) begins after the prefix, or -1. */
    public int eventStart() { return eventStart; }

    /** Syscall name for syscall lines; signal name for signal, stopped and killed lines; else null. */
    public String name() { return name; }
    public Span nameSpan() { return nameSpan; }
    /**
     * The argument text: between {@code (} and the closing {@code )} for complete lines, up to the
     * {@code <unfinished ...>} marker for unfinished lines, from after {@code resumed>} for resumed lines.
     * For signal lines, the siginfo {@code {…}}.
     */
    public Span argsSpan() { return argsSpan; }
    /** The {@code <unfinished ...>} marker when present (also inside {@code … <unfinished ...>) = ?}). */
    public Span unfinishedSpan() { return unfinishedSpan; }
    /** The {@code <detached ...>} / {@code <pid changed to N ...>} tail. */
    public Span tailSpan() { return tailSpan; }

    public ReturnKind returnKind() { return returnKind; }
    public Span equalsSpan() { return equalsSpan; }
    /** The value after {@code = }: {@code 3}, {@code 0x7f…}, {@code -1}, {@code ?}; without a decoration. */
    public Span returnValueSpan() { return returnValueSpan; }
    /** {@code <…>} after a returned fd (-y), or {@code /* … *}{@code /} after a returned pid. */
    public Span returnDecorationSpan() { return returnDecorationSpan; }
    /** Errno name of an ERROR or RESTART result (ENOENT, ERESTARTSYS), or null. */
    public String errno() { return errno; }
    public Span errnoSpan() { return errnoSpan; }
    /** The message strace printed for the errno, without parentheses. */
    public Span errnoTextSpan() { return errnoTextSpan; }
    /** Parenthesised notes after the result: {@code (flags O_RDONLY)}, {@code (Timeout)}, {@code (INJECTED)}. */
    public List<Span> notes() { return notes; }
    /** {@code <0.000123>} of -T, including the angle brackets. */
    public Span durationSpan() { return durationSpan; }
    /** -T duration in nanoseconds, or -1. */
    public long durationNanos() { return durationNanos; }

    /**
     * Kind-specific detail: the exit status of EXITED, the signal of KILLED/STOPPED, the pid of SUPERSEDED,
     * the mode of PERSONALITY, the message of STRACE_MESSAGE.
     */
    public Span detailSpan() { return detailSpan; }
    /** Exit status (EXITED), pid (SUPERSEDED, PERSONALITY, PID_CHANGED), or -1. */
    public int number() { return number; }
    public boolean coreDumped() { return coreDumped; }

    /** True for syscall lines whose call failed with {@code -1 ERRNO}. */
    public boolean failed() { return returnKind == ReturnKind.ERROR; }

    void addNote(Span span) {
        if (notes.isEmpty()) {
            notes = new ArrayList<>(2);
        }
        notes.add(span);
    }

    void freeze() {
        notes = notes.isEmpty() ? List.of() : Collections.unmodifiableList(notes);
    }

    @Override
    public String toString() {
        return kind.id() + "@" + lineStart + (name != null ? " " + name : "") + (problem != null ? " (" + problem + ")" : "");
    }
}
