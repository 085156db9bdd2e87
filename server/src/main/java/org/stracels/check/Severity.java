package org.stracels.check;

import java.util.Locale;

/** How much a finding matters to someone reading the trace. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
