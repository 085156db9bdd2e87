package org.stracels.structure;

/**
 * The semantic token types strace-ls uses: standard LSP types only, so that every client colours them with
 * its theme. {@link #legendName()} is the name in the legend; the legend lists them in this order.
 */
public enum TokenType {
    /** A syscall name; also a stack frame's function and macros printed as calls ({@code makedev}). */
    FUNCTION("function"),
    /** A constant or flag: {@code O_RDONLY}, {@code AT_FDCWD}, {@code NULL}, {@code CLD_EXITED}. */
    ENUM_MEMBER("enumMember"),
    /** An errno name: {@code ENOENT}, {@code ERESTARTSYS} (C macros). */
    MACRO("macro"),
    /** A signal name: {@code SIGCHLD}; the members of a signal set. */
    EVENT("event"),
    STRING("string"),
    /** A number; with {@link TokenModifier#ADDRESS}, {@link TokenModifier#TIMESTAMP}, {@link TokenModifier#DURATION} … */
    NUMBER("number"),
    /** An fd (with {@link TokenModifier#READONLY}); a lower-case name inside an expression. */
    VARIABLE("variable"),
    /** A pid: the prefix of each line, {@code si_pid=}, what clone and fork return. */
    NAMESPACE("namespace"),
    /** {@code /* 1 var *}{@code /}, an errno's message, notes such as {@code (flags O_RDONLY)}, strace's own messages. */
    COMMENT("comment"),
    /** A struct field name: {@code st_mode}. */
    PROPERTY("property"),
    /** {@code =}, {@code |}, {@code =>}, {@code <<}, {@code &&} … */
    OPERATOR("operator"),
    /** strace's markers: {@code <unfinished ...>}, {@code resumed>}, {@code exited with}, {@code (INJECTED)}. */
    KEYWORD("keyword");

    private final String legendName;

    TokenType(String legendName) {
        this.legendName = legendName;
    }

    public String legendName() {
        return legendName;
    }
}
