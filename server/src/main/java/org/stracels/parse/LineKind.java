package org.stracels.parse;

import java.util.Locale;

/** What a physical line of a trace is. Every line gets exactly one kind. */
public enum LineKind {
    /** {@code name(args) = result}: entry and exit printed together (includes {@code = ?}, never returned). */
    SYSCALL,
    /** {@code name(args <unfinished ...>}: the entry half of a call cut by other output. */
    UNFINISHED,
    /** {@code <... name resumed>rest) = result}: the exit half. */
    RESUMED,
    /** A syscall line cut by {@code  <detached ...>}: strace let go of the process. */
    DETACHED,
    /** A syscall line cut by {@code  <pid changed to N ...>} (-ff, a thread called execve). */
    PID_CHANGED,
    /** {@code --- SIGxxx {siginfo} ---} */
    SIGNAL,
    /** {@code --- stopped by SIGxxx ---} */
    STOPPED,
    /** {@code +++ exited with N +++} */
    EXITED,
    /** {@code +++ killed by SIGxxx [(core dumped) ]+++} */
    KILLED,
    /** {@code +++ superseded by execve in pid N +++} */
    SUPERSEDED,
    /** {@code [ Process PID=N runs in 32 bit mode. ]} */
    PERSONALITY,
    /** {@code  > /lib/libc.so.6(write+0x10) [0x1234]} from -k. */
    STACK_FRAME,
    /** {@code  | 00000  68 69 ...  hi |} or {@code  * 8 bytes in buffer 0} from -e read=/write=. */
    HEX_DUMP,
    /** A line of the -c / -C summary table. */
    SUMMARY,
    /** {@code strace: Process N attached} and the other messages strace writes to stderr. */
    STRACE_MESSAGE,
    /** Text the traced program wrote into the same stream (stderr captures only). */
    FOREIGN,
    /** The first part of a syscall line that the program's output or a strace message cut in two (stderr captures). */
    PARTIAL,
    /** The rest of a {@link #PARTIAL} line. */
    CONTINUATION,
    /** An empty line. */
    BLANK,
    /** A line that fits no form; it carries a problem. */
    MALFORMED;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** Stable lower-case name used by the CLI and in JSON. */
    public String id() {
        return id;
    }

    /** Lines that describe one syscall (or a part of one). */
    public boolean isSyscall() {
        return this == SYSCALL || this == UNFINISHED || this == RESUMED || this == DETACHED
                || this == PID_CHANGED || this == PARTIAL;
    }

    /** Lines printed by printleader, i.e. that may carry a pid/time prefix. */
    public boolean hasPrefix() {
        return ordinal() <= PERSONALITY.ordinal() || this == PARTIAL;
    }
}
