package org.stracels.navigate;

/** What the cursor is on, as far as navigation cares. */
sealed interface Subject {
    /** An fd the model knows: use {@code use} of {@link org.stracels.analysis.FdModel}. */
    record Fd(int use) implements Subject { }

    /** One half of a cut call: {@code line}, whose other half is {@code partner} (-1 if none). */
    record Half(int line, int partner) implements Subject { }

    /** A process named on {@code line}: by a pid prefix, a pid argument, an exit line. */
    record Process(int processId, Role role, int line) implements Subject { }

    /** An address argument of a memory call on {@code line}. */
    record Address(long address, int line) implements Subject { }

    /** How a process is named. */
    enum Role {
        /** A pid (prefix, wait4/kill argument, superseded line): definition is the call that created it. */
        PID,
        /** A clone/fork result: definition is the child's first line. */
        CHILD,
        /** {@code +++ exited/killed +++}: definition is the process's first line. */
        END
    }
}
