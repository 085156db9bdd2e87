package org.stracels;

import java.util.List;
import java.util.function.ToIntFunction;
import org.stracels.analysis.Trace;
import org.stracels.cause.CauseAnalysis;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.FindingCap;
import org.stracels.hover.HoverProvider;
import org.stracels.navigate.Definition;
import org.stracels.navigate.Highlights;
import org.stracels.navigate.References;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.settings.Settings;
import org.stracels.structure.CodeLenses;
import org.stracels.structure.Folding;
import org.stracels.structure.InlayHints;
import org.stracels.structure.Outline;
import org.stracels.structure.SemanticTokens;
import org.stracels.structure.WorkspaceSymbols;

/**
 * Every feature the server offers, each as a function of a trace, for the fuzz test and the adversarial
 * benchmark: the whole-file ones over the whole text, the range ones over every line, the cursor ones at
 * the offsets given. Each returns a count of what it made, so that nothing is optimised away.
 */
public final class EveryFeature {
    private EveryFeature() {
    }

    /** A feature by name. */
    public record Feature(String name, ToIntFunction<Trace> run) {
    }

    private static final Settings S = Settings.DEFAULT;
    private static final CancelCheck NONE = CancelCheck.NONE;

    /** The features that read the whole trace (or every line of it). */
    public static final List<Feature> WHOLE = List.of(
            new Feature("diagnostics", t -> FindingCap.apply(Checker.check(t, new DiagnosticPolicy(S.diagnostics()), NONE),
                    S.maxDiagnostics()).size()),
            // a fresh analysis, not the one diagnostics made and cached with the trace: its own cost
            new Feature("causes", t -> {
                CauseAnalysis analysis = CauseAnalysis.analyze(t, DiagnosticPolicy::routineReason, NONE);
                return analysis.reports().size() + exitCauses(t, analysis);
            }),
            new Feature("fd model", t -> t.fds(NONE).hashCode() & 1),
            new Feature("outline", t -> Outline.symbols(t, S.outlineMaxEvents(), NONE).size()),
            new Feature("folding", t -> Folding.folds(t, S.foldingMinRun(), NONE).size()),
            new Feature("tokens (every line)", t -> SemanticTokens.tokens(t, 0, t.parsed().lineCount() - 1, NONE).size()),
            new Feature("inlay hints (whole)", t -> InlayHints.hints(t, 0, t.text().length(),
                    new InlayHints.Options(true, true, true, 0), NONE).size()),
            new Feature("code lenses", t -> CodeLenses.lenses(t, NONE).size()),
            new Feature("workspace symbols", t -> WorkspaceSymbols.search(t, "openat /etc", 500, NONE).size()
                    + WorkspaceSymbols.search(t, "1", 500, NONE).size()));

    /** Runs every whole-file feature. */
    public static int whole(Trace trace) {
        int n = 0;
        for (Feature f : WHOLE) {
            n += f.run().applyAsInt(trace);
        }
        return n;
    }

    /** Hover, definition, references and document highlight at {@code offset}. */
    public static int at(Trace trace, int offset) {
        int n = HoverProvider.hover(trace, offset).isPresent() ? 1 : 0;
        n += Definition.find(trace, offset, NONE).size();
        n += References.find(trace, offset, true, NONE).size();
        n += Highlights.find(trace, offset, NONE).size();
        return n;
    }

    /** The causes of the first few failing exits (each is ranked on its own, as a hover asks for it). */
    private static int exitCauses(Trace trace, CauseAnalysis analysis) {
        ParsedTrace parsed = trace.parsed();
        int n = 0;
        int asked = 0;
        for (int i = parsed.lineCount() - 1; i >= 0 && asked < 3; i--) {
            LineKind kind = parsed.kind(i);
            if (kind == LineKind.EXITED || kind == LineKind.KILLED) {
                n += analysis.causesOfExit(trace, i).size();
                asked++;
            }
        }
        return n;
    }
}
