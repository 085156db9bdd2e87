package org.stracels.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Semantic tokens in text order, kept in int arrays (a full request on a large file makes millions): the
 * line of each, its start offset in the text, its length, type and modifier bits. Tokens never span lines
 * and never overlap.
 */
public final class TokenList {
    /** One token, for tests and small consumers. */
    public record Token(int line, int start, int length, TokenType type, int modifiers) {
        public int end() {
            return start + length;
        }

        public boolean has(TokenModifier modifier) {
            return (modifiers & modifier.bit()) != 0;
        }
    }

    private static final TokenType[] TYPES = TokenType.values();

    private int size;
    private int[] data = new int[5 * 64];

    void add(int line, int start, int length, TokenType type, int modifiers) {
        if (5 * size + 5 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int k = 5 * size++;
        data[k] = line;
        data[k + 1] = start;
        data[k + 2] = length;
        data[k + 3] = type.ordinal();
        data[k + 4] = modifiers;
    }

    public int size() {
        return size;
    }

    public int line(int i) {
        return data[5 * i];
    }

    public int start(int i) {
        return data[5 * i + 1];
    }

    public int length(int i) {
        return data[5 * i + 2];
    }

    public TokenType type(int i) {
        return TYPES[data[5 * i + 3]];
    }

    public int modifiers(int i) {
        return data[5 * i + 4];
    }

    public Token get(int i) {
        return new Token(line(i), start(i), length(i), type(i), modifiers(i));
    }

    public List<Token> asList() {
        List<Token> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return list;
    }
}
