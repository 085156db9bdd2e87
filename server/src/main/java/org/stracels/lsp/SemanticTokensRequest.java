package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.stracels.parse.ParsedTrace;
import org.stracels.structure.TokenList;

/**
 * {@code textDocument/semanticTokens/full} and {@code /range}: the tokens of
 * {@link org.stracels.structure.SemanticTokens}, relative-encoded as LSP wants them (line delta, start delta,
 * length, type, modifiers). Lengths and starts count UTF-16 code units, which Java chars are; tokens never
 * span lines, so a token's start character is its offset minus its line's start.
 */
final class SemanticTokensRequest {
    private static final Logger LOG = Logger.getLogger(SemanticTokensRequest.class.getName());

    private final Documents documents;

    SemanticTokensRequest(Documents documents) {
        this.documents = documents;
    }

    CompletableFuture<SemanticTokens> full(SemanticTokensParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), empty(), (doc, cancel) -> {
            ParsedTrace parsed = doc.trace().parsed();
            if (parsed.lineCount() > org.stracels.structure.SemanticTokens.MAX_FULL_LINES) {
                LOG.info(() -> doc.uri() + " has " + parsed.lineCount() + " lines: full semantic tokens cover the first "
                        + org.stracels.structure.SemanticTokens.MAX_FULL_LINES + "; range requests cover any part");
            }
            return encode(org.stracels.structure.SemanticTokens.full(doc.trace(), cancel), parsed);
        });
    }

    CompletableFuture<SemanticTokens> range(SemanticTokensRangeParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), empty(), (doc, cancel) -> {
            Range range = params.getRange();
            if (range == null || range.getStart() == null || range.getEnd() == null) {
                return empty();
            }
            int first = Math.max(0, range.getStart().getLine());
            int last = range.getEnd().getLine();
            if (range.getEnd().getCharacter() == 0 && last > first) {
                last--; // the range ends where that line starts
            }
            return encode(org.stracels.structure.SemanticTokens.tokens(doc.trace(), first, last, cancel), doc.trace().parsed());
        });
    }

    static SemanticTokens encode(TokenList tokens, ParsedTrace parsed) {
        List<Integer> data = new ArrayList<>(tokens.size() * 5);
        int previousLine = 0;
        int previousStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int line = tokens.line(i);
            int character = tokens.start(i) - parsed.lineStart(line);
            data.add(line - previousLine);
            data.add(line == previousLine ? character - previousStart : character);
            data.add(tokens.length(i));
            data.add(tokens.type(i).ordinal());
            data.add(tokens.modifiers(i));
            previousLine = line;
            previousStart = character;
        }
        return new SemanticTokens(data);
    }

    private static SemanticTokens empty() {
        return new SemanticTokens(List.of());
    }
}
