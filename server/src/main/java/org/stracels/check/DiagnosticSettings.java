package org.stracels.check;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the user chose for the severity of each {@link FindingClass}: a class that is not in the map keeps
 * the default of {@link DiagnosticPolicy}; a class mapped to an empty Optional is switched off.
 */
public record DiagnosticSettings(Map<FindingClass, Optional<Severity>> severities) {
    public static final DiagnosticSettings DEFAULT = new DiagnosticSettings(Map.of());

    public DiagnosticSettings {
        EnumMap<FindingClass, Optional<Severity>> copy = new EnumMap<>(FindingClass.class);
        copy.putAll(severities);
        severities = java.util.Collections.unmodifiableMap(copy);
    }
}
