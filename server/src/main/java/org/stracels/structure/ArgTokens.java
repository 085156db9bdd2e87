package org.stracels.structure;

import java.util.List;
import org.stracels.check.FailedCalls;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;

/** The semantic tokens of an argument tree: one walk, each node by its kind. */
final class ArgTokens {
    private final CharSequence text;
    private final LineTokens out;

    ArgTokens(CharSequence text, LineTokens out) {
        this.text = text;
        this.out = out;
    }

    /** What the position of a value says about it, beyond its own form. */
    enum Role { PLAIN, FD, PID, SIGNAL }

    void node(ArgNode n, Role role) {
        if (n == null) {
            return;
        }
        switch (n.kind()) {
            case NUMBER -> number(n, role);
            case STRING -> out.add(n.start(), n.end(), TokenType.STRING);
            case SYMBOL -> symbol(n.start(), n.end(), role);
            case FLAGS, EXPRESSION -> {
                operatorsBetween(n, n.children());
                n.children().forEach(c -> node(c, role == Role.FD ? Role.PLAIN : role));
            }
            case FD -> {
                ArgNode value = n.value();
                if (value != null && value.kind() == ArgKind.NUMBER) {
                    out.add(value.start(), value.end(), TokenType.VARIABLE, TokenModifier.READONLY.bit());
                } else {
                    node(value, Role.PLAIN);
                }
                out.add(n.decorationSpan().start(), n.decorationSpan().end(), TokenType.STRING);
            }
            case BITSET -> n.children().forEach(c -> node(c, Role.SIGNAL));
            case ARRAY, INDEXED, STRUCT, COMMENTED -> n.children().forEach(c -> node(c, role));
            case FIELD -> field(n);
            case CALL -> {
                out.add(n.nameSpan().start(), n.nameSpan().end(), TokenType.FUNCTION);
                n.children().forEach(c -> node(c, Role.PLAIN));
            }
            case COMMENT -> out.add(n.start(), n.end(), TokenType.COMMENT);
            case IN_OUT, ALTERNATIVE -> {
                operatorsBetween(n, n.children());
                n.children().forEach(c -> node(c, role));
            }
            case RESUMING -> {
                out.add(n.start(), n.nameSpan().start(), TokenType.COMMENT);
                out.add(n.nameSpan().start(), n.nameSpan().end(), TokenType.FUNCTION);
                out.add(n.nameSpan().end(), n.end(), TokenType.COMMENT);
            }
            default -> {
                // ELLIPSIS, UNAVAILABLE, OTHER: nothing to colour
            }
        }
    }

    private void field(ArgNode n) {
        int nameEnd = n.nameSpan().end();
        out.add(n.nameSpan().start(), nameEnd, TokenType.PROPERTY);
        ArgNode value = n.value();
        if (nameEnd < text.length() && text.charAt(nameEnd) == '=') {
            out.add(nameEnd, nameEnd + 1, TokenType.OPERATOR);
        }
        String name = n.name();
        Role role = name == null ? Role.PLAIN
                : name.equals("fd") || name.endsWith("_fd") ? Role.FD
                : name.endsWith("pid") || name.equals("si_pid") ? Role.PID
                : name.equals("si_signo") || name.equals("si_status") || isSignalSet(name, value) ? Role.SIGNAL
                : Role.PLAIN;
        node(value, role);
    }

    private void number(ArgNode n, Role role) {
        switch (role) {
            case FD -> {
                long v = n.numericValue().orElse(-1);
                if (v >= 0 && v < 1 << 20) {
                    out.add(n.start(), n.end(), TokenType.VARIABLE, TokenModifier.READONLY.bit());
                } else {
                    out.add(n.start(), n.end(), TokenType.NUMBER); // -1 (0xffffffff in raw traces): no descriptor
                }
            }
            case PID -> out.add(n.start(), n.end(), n.text().startsWith("-") ? TokenType.NUMBER : TokenType.NAMESPACE);
            default -> out.add(n.start(), n.end(), TokenType.NUMBER, isAddress(n.text()) ? TokenModifier.ADDRESS.bit() : 0);
        }
    }

    /** A symbol by its form: SIGxxx a signal, Exxx an errno, upper case a constant, lower case a variable. */
    void symbol(int start, int end, Role role) {
        String s = text.subSequence(start, end).toString();
        TokenType type;
        if (isSignal(s) || role == Role.SIGNAL && isUpper(s)) {
            type = TokenType.EVENT;
        } else if (isErrno(s)) {
            type = TokenType.MACRO;
        } else if (isUpper(s)) {
            type = TokenType.ENUM_MEMBER;
        } else {
            type = TokenType.VARIABLE;
        }
        out.add(start, end, type);
    }

    /** A signal set by where it is: {@code sa_mask=[KILL]}, rt_sigprocmask's {@code set} and {@code oldset}. */
    static boolean isSignalSet(String name, ArgNode value) {
        return value != null && (value.kind() == ArgKind.ARRAY || value.kind() == ArgKind.BITSET)
                && (name.equals("sa_mask") || name.equals("mask") || name.equals("set") || name.equals("oldset")
                        || name.equals("sigmask") || name.equals("newset"));
    }

    /** The operators between the children of {@code n}: {@code |}, {@code <<}, {@code =>}, {@code or} … */
    private void operatorsBetween(ArgNode n, List<ArgNode> children) {
        int from = n.start();
        for (int k = 0; k <= children.size(); k++) {
            int to = k < children.size() ? children.get(k).start() : n.end();
            int i = from;
            while (i < to) {
                while (i < to && text.charAt(i) == ' ') {
                    i++;
                }
                int j = i;
                while (j < to && text.charAt(j) != ' ') {
                    j++;
                }
                if (j > i) {
                    boolean word = Character.isLetter(text.charAt(i));
                    out.add(i, j, word ? TokenType.KEYWORD : TokenType.OPERATOR);
                }
                i = j;
            }
            from = k < children.size() ? children.get(k).end() : to;
        }
    }

    /**
     * A hex number of seven digits or more (from 0x1000000, 16 MiB): where mappings, heaps and stacks live;
     * shorter ones are mostly flags, sizes and file offsets. A guess, as strace prints all of them alike.
     */
    static boolean isAddress(String number) {
        return number.startsWith("0x") && number.length() >= 9;
    }

    static boolean isSignal(String s) {
        if (!s.startsWith("SIG") || s.length() < 5 || s.charAt(3) == '_') {
            return false; // SIG_DFL, SIG_IGN, SIG_SETMASK are constants
        }
        return isUpper(s);
    }

    static boolean isErrno(String s) {
        if (s.length() < 4 || s.charAt(0) != 'E' || !isUpper(s)) {
            return false;
        }
        return FailedCalls.isErrnoName(s);
    }

    static boolean isUpper(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter;
    }
}
