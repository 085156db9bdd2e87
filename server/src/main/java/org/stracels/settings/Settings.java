package org.stracels.settings;

import org.stracels.check.DiagnosticSettings;
import org.stracels.structure.InlayHints;

/**
 * Everything a user can set under {@code strace.*}. The same shape arrives at initialize and on every
 * configuration change; the language server reads it (tolerating bad values) and hands each feature its part.
 *
 * @param diagnostics         severity per class of finding, or off
 * @param maxDiagnostics      diagnostics published per file at most (the most severe), plus one that says how
 *                            many were left out
 * @param inlayHints          which inlay hints to show, and the slow-call threshold
 * @param manPages            hovers quote the manual pages installed on the machine
 * @param outlineMaxEvents    notable events listed per process in the outline before "… more"
 * @param foldingMinRun       consecutive lines of one syscall that make a folding range
 */
public record Settings(DiagnosticSettings diagnostics, int maxDiagnostics, InlayHints.Options inlayHints,
        boolean manPages, int outlineMaxEvents, int foldingMinRun) {

    public static final int DEFAULT_MAX_DIAGNOSTICS = 1000;
    public static final int DEFAULT_OUTLINE_MAX_EVENTS = 50;
    public static final int DEFAULT_FOLDING_MIN_RUN = 4;

    public static final Settings DEFAULT = new Settings(DiagnosticSettings.DEFAULT, DEFAULT_MAX_DIAGNOSTICS,
            InlayHints.Options.DEFAULT, true, DEFAULT_OUTLINE_MAX_EVENTS, DEFAULT_FOLDING_MIN_RUN);
}
