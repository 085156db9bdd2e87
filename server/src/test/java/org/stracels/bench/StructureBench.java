package org.stracels.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.stracels.analysis.Trace;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.FindingCap;
import org.stracels.lsp.Positions;
import org.stracels.parse.CancelCheck;
import org.stracels.settings.Settings;
import org.stracels.structure.CodeLenses;
import org.stracels.structure.Folding;
import org.stracels.structure.InlayHints;
import org.stracels.structure.Outline;
import org.stracels.structure.SemanticTokens;
import org.stracels.structure.WorkspaceSymbols;

/**
 * Benchmark of the structure features on a large trace, parsed once: documentSymbol, foldingRange, a
 * semanticTokens range of 200 lines, inlay hints for 200 lines, code lenses, a workspace symbol query and
 * the capped diagnostics. Not a test: run it by hand and read the figures (targets from issue 5: outline and
 * folding under 200 ms, a 200-line token range under 20 ms, on 1,000,000 lines).
 *
 * <pre>
 * mvn -q test-compile
 * java -Xmx4g -cp server/target/classes:server/target/test-classes org.stracels.bench.ParseBench   # writes /tmp/bench-1M.strace
 * java -Xmx4g -cp server/target/classes:server/target/test-classes:$(gson jar) org.stracels.bench.StructureBench [/tmp/bench-1M.strace]
 * </pre>
 */
public final class StructureBench {
    private static final int RUNS = 9;

    private StructureBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench-1M.strace");
        if (!Files.exists(file)) {
            System.err.println(file + " does not exist: run ParseBench first");
            System.exit(2);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Trace trace = Trace.of(text);
        Positions positions = Positions.of(text);
        int lines = trace.parsed().lineCount();
        System.out.printf("%s: %,d lines, %,d processes; parse+model %.0f ms (once)%n", file, lines,
                trace.model().processes().size(), (System.nanoTime() - t0) / 1e6);
        CancelCheck none = CancelCheck.NONE;
        Settings s = Settings.DEFAULT;
        int middle = lines / 2;

        time("documentSymbol (outline + LSP ranges)", () -> {
            List<Outline.Symbol> symbols = Outline.symbols(trace, s.outlineMaxEvents(), none);
            return count(symbols, positions);
        });
        time("foldingRange", () -> Folding.folds(trace, s.foldingMinRun(), none).size());
        time("semanticTokens/range 200 lines (middle)", () -> SemanticTokens.tokens(trace, middle, middle + 199, none).size());
        time("semanticTokens/range 200 lines (end)", () -> SemanticTokens.tokens(trace, lines - 200, lines - 1, none).size());
        time("semanticTokens/full (first " + SemanticTokens.MAX_FULL_LINES + " lines)", () -> SemanticTokens.full(trace, none).size());
        time("inlayHint 200 lines (middle)", () -> InlayHints.hints(trace, trace.parsed().lineStart(middle),
                trace.parsed().lineEnd(middle + 199), s.inlayHints(), none).size());
        time("codeLens", () -> CodeLenses.lenses(trace, none).size());
        time("workspace/symbol \"openat /proc\" (500 max)", () -> WorkspaceSymbols.search(trace, "openat /proc", 500, none).size());
        time("workspace/symbol \"10263\"", () -> WorkspaceSymbols.search(trace, "10263", 500, none).size());
        time("diagnostics (check + cap 1000)", () -> FindingCap.apply(
                Checker.check(trace, new DiagnosticPolicy(s.diagnostics()), none), s.maxDiagnostics()).size());
    }

    private static int count(List<Outline.Symbol> symbols, Positions positions) {
        int n = 0;
        for (Outline.Symbol symbol : symbols) {
            positions.range(symbol.start(), symbol.end());
            positions.range(symbol.selectionStart(), symbol.selectionEnd());
            n += 1 + count(symbol.children(), positions);
        }
        return n;
    }

    private static void time(String what, Supplier<Integer> work) {
        long[] ns = new long[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            size = work.get();
            ns[i] = System.nanoTime() - t0;
        }
        long first = ns[0];
        Arrays.sort(ns);
        System.out.printf("%-48s first %8.2f ms, median %8.2f ms, best %8.2f ms  (%,d results)%n", what, first / 1e6,
                ns[RUNS / 2] / 1e6, ns[0] / 1e6, size);
    }
}
