package org.stracels.check;

import java.util.Locale;

/**
 * What kind of thing a {@link Finding} is about; every finding carries exactly one, set where it is made. A
 * closed set: the first six are the classes whose severity a user can choose
 * ({@code strace.diagnostics.severity.*}); the last two are not a choice (their severity follows from the
 * trace or from the cap).
 */
public enum FindingClass {
    /** Failures every healthy program produces (loader probing, EAGAIN, …) and calls the kernel restarts. */
    NOISE("noise"),
    /** A failed call that deserves a look (or a call that succeeded but returned an error inside its result). */
    FAILURE("failure"),
    /** A process killed by a signal. */
    KILLED("killed"),
    /** A process that exited with a status other than 0. */
    NONZERO_EXIT("nonzeroExit"),
    /** A line that fits no form. */
    MALFORMED("malformed"),
    /** The half of a cut call whose other half is not in the trace. */
    UNMATCHED("unmatched"),
    /** An error message the program wrote, with its likely causes ({@code reported-error}). */
    REPORTED_ERROR(null),
    /** Not about a line: how many findings the cap left out ({@code diagnostics-left-out}). */
    LEFT_OUT(null);

    private final String settingName;

    FindingClass(String settingName) {
        this.settingName = settingName;
    }

    /** Whether the user can choose the severity of this class. */
    public boolean isSetting() {
        return settingName != null;
    }

    /** The key under {@code strace.diagnostics.severity}, or null when the class is not a setting. */
    public String settingName() {
        return settingName;
    }

    /** The class whose {@link #settingName()} is {@code name} (case-insensitive), or null. */
    public static FindingClass bySettingName(String name) {
        for (FindingClass c : values()) {
            if (c.isSetting() && c.settingName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }
}
