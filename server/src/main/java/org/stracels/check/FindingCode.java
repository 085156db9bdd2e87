package org.stracels.check;

/** Stable codes of findings that are not failed calls (those carry their errno name). */
public enum FindingCode {
    MALFORMED_LINE("malformed-line"),
    KILLED_BY_SIGNAL("killed-by-signal"),
    NONZERO_EXIT("nonzero-exit"),
    UNFINISHED_NEVER_RESUMED("unfinished-never-resumed"),
    RESUMED_WITHOUT_START("resumed-without-start"),
    /** Not about a line: more findings than a file may publish; says how many were left out. */
    LEFT_OUT("diagnostics-left-out");

    private final String id;

    FindingCode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
