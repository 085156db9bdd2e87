package org.stracels.structure;

import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Writes the tokens of a line into its text: {@code ‹type+modifier:text›}; text outside tokens as it is. */
final class TokensRender {
    private TokensRender() {
    }

    static String line(Trace trace, int line) {
        TokenList tokens = SemanticTokens.tokens(trace, line, line, CancelCheck.NONE);
        String text = trace.text();
        StringBuilder b = new StringBuilder();
        int at = trace.parsed().lineStart(line);
        for (TokenList.Token t : tokens.asList()) {
            b.append(text, at, t.start()).append('‹').append(t.type().legendName());
            for (TokenModifier m : TokenModifier.values()) {
                if (t.has(m)) {
                    b.append('+').append(m.legendName());
                }
            }
            b.append(':').append(text, t.start(), t.end()).append('›');
            at = t.end();
        }
        return b.append(text, at, trace.parsed().lineEnd(line)).toString();
    }
}
