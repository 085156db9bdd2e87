package org.stracels.parse;

/**
 * What an {@link ArgNode} is. Every node covers its text exactly: a node's span never includes the
 * separators around it ({@code ", "}) and children always lie inside their parent in text order.
 */
public enum ArgKind {
    /** {@code 3}, {@code -1}, {@code 0x7f00}, {@code 0644}: see {@link ArgNode#numericValue()}. */
    NUMBER,
    /**
     * {@code "…"}, including a trailing {@code ...} ({@link ArgNode#truncated()}) and the {@code @} of an
     * abstract socket name {@code @"name"} ({@link ArgNode#abstractSocket()}). No children;
     * {@link ArgNode#contentSpan()} is the text between the quotes, {@link ArgNode#decoded()} resolves it.
     */
    STRING,
    /** An identifier: {@code O_RDONLY}, {@code AT_FDCWD}, {@code NULL}, {@code SIG_DFL}, {@code s}. */
    SYMBOL,
    /** {@code A|B|0x10}: children are the items (SYMBOL, NUMBER, or an EXPRESSION such as {@code X<<28}). */
    FLAGS,
    /**
     * An operator expression, see {@link ArgNode#operator()}. Binary operators are n-ary with their operands
     * as children, same operators flattened: {@code <<}, {@code >>} ({@code FUTEX_OP_OPARG_SHIFT<<28}),
     * {@code +} ({@code SKF_AD_OFF+SKF_AD_PROTOCOL}), {@code *} ({@code 8192*1024}), {@code &&},
     * {@code ==}, {@code !=} ({@code WIFEXITED(s) && WEXITSTATUS(s) == 7}). C precedence from loosest:
     * {@code &&}, {@code == !=}, {@code |} (FLAGS), {@code << >>}, {@code +}, {@code *}. Unary {@code &}
     * ({@code &sin6_addr}), {@code ~} and {@code -} (before a name) have one child.
     */
    EXPRESSION,
    /**
     * An fd with a decoration (-y, -yy): {@code 3</etc/passwd>}, {@code AT_FDCWD</tmp>},
     * {@code 11</memfd:x>(deleted)}. One child, the NUMBER or SYMBOL; the span includes the angle brackets
     * and {@code (deleted)}. See {@link ArgNode#fdNumber()}, {@link ArgNode#decorationSpan()},
     * {@link ArgNode#deleted()}, {@link ArgNode#decoded()}. A plain fd without decoration is a NUMBER.
     */
    FD,
    /**
     * {@code [a, b, ...]}, also a pointer to one value ({@code [16]}). Elements are values, ELLIPSIS or
     * INDEXED. A one-element {@code [x]} is always an ARRAY (a one-signal set cannot be told apart).
     */
    ARRAY,
    /**
     * A space separated set: {@code [INT TERM]}, {@code [0 1]}, complemented {@code ~[RTMIN RT_1]}
     * ({@link ArgNode#complemented()}, the span starts at {@code ~}), and the empty {@code []} / {@code ~[]}.
     */
    BITSET,
    /** {@code [DEVCONF_STABLE_SECRET]=0}: children are the index (what is inside the brackets) and the value. */
    INDEXED,
    /** {@code {…}}: children are FIELD, positional values (netlink, {@code inet_pton(…)}) and ELLIPSIS. */
    STRUCT,
    /**
     * {@code name=value}: a struct field, or a named argument at the top level ({@code child_stack=NULL},
     * strace 7 {@code -N}). {@link ArgNode#name()}; one child, the value (none if the value is missing).
     */
    FIELD,
    /** {@code makedev(0x1, 0x3)}, {@code htons(80)}, {@code WIFEXITED(s)}: {@link ArgNode#name()}; children are the arguments. */
    CALL,
    /** {@code /* 6 vars *}{@code /}; {@link ArgNode#contentSpan()} is the text inside, trimmed. No children. */
    COMMENT,
    /**
     * A value followed by its comment: {@code 0x7ffe… /* 6 vars *}{@code /}, {@code 0x3 /* PROT_READ *}{@code /}.
     * Two children: the value and the COMMENT ({@link ArgNode#value()}, {@link ArgNode#comment()}).
     */
    COMMENTED,
    /**
     * {@code before => after}: two children ({@link ArgNode#before()}, {@link ArgNode#after()}). In a resumed
     * line the before half may be on the unfinished line: {@code <... clone3 resumed> => {…}} gives an
     * IN_OUT that starts at {@code =>} with only the after child.
     */
    IN_OUT,
    /** {@code FIONREAD or TIOCINQ}: children are the alternatives. */
    ALTERNATIVE,
    /** {@code ...}: more elements or fields that were not printed. */
    ELLIPSIS,
    /** {@code ???}: a value strace could not fetch. */
    UNAVAILABLE,
    /** {@code <... resuming interrupted clock_nanosleep ...>}, the argument of restart_syscall; {@link ArgNode#name()} is the syscall. */
    RESUMING,
    /** Text that fits no form (always with a problem in the {@link ArgList}), or nesting beyond {@link ArgParser#MAX_DEPTH}. */
    OTHER
}
