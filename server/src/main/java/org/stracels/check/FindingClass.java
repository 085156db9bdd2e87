package org.stracels.check;

import java.util.Locale;

/**
 * The classes of findings whose severity a user can choose ({@code strace.diagnostics.severity.*}). Every
 * finding belongs to exactly one.
 */
public enum FindingClass {
    /** Failures every healthy program produces (loader probing, EAGAIN, …) and calls the kernel restarts. */
    NOISE("noise"),
    /** A failed call that deserves a look. */
    FAILURE("failure"),
    /** A process killed by a signal. */
    KILLED("killed"),
    /** A process that exited with a status other than 0. */
    NONZERO_EXIT("nonzeroExit"),
    /** A line that fits no form. */
    MALFORMED("malformed"),
    /** The half of a cut call whose other half is not in the trace. */
    UNMATCHED("unmatched");

    private final String settingName;

    FindingClass(String settingName) {
        this.settingName = settingName;
    }

    /** The key under {@code strace.diagnostics.severity}. */
    public String settingName() {
        return settingName;
    }

    /** The class whose {@link #settingName()} is {@code name} (case-insensitive), or null. */
    public static FindingClass bySettingName(String name) {
        for (FindingClass c : values()) {
            if (c.settingName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }
}
