package org.stracels.hover;

import java.util.List;
import java.util.Locale;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.ConstantDoc;
import org.stracels.catalog.ErrnoDoc;
import org.stracels.catalog.SignalDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.Span;

/** Explains one value of an argument: constants, flag sets, modes, sizes, strings, sets, comments. */
final class ValueExplainer {
    private ValueExplainer() {
    }

    /** Explanation of a symbol strace printed: a constant, an errno, a signal, or a signal-set member. */
    static String symbol(String word, boolean inSignalSet) {
        Catalog catalog = Catalog.get();
        if (inSignalSet) {
            // masks drop the SIG prefix: [INT TERM], ~[RTMIN RT_1]
            ConstantDoc member = catalog.constant(word);
            if (member != null) {
                return line(word, member.value(), member.meaning());
            }
            SignalDoc doc = catalog.signal(word.equals("RTMIN") ? "SIGRT_0" : "SIG" + word);
            if (doc != null) {
                return line(word, doc.number() > 0 ? Integer.toString(doc.number()) : null, doc.meaning());
            }
        }
        ConstantDoc constant = catalog.constant(word);
        if (constant != null) {
            return line(word, constant.value(), constant.meaning());
        }
        ErrnoDoc errno = catalog.errno(word);
        if (errno != null) {
            return line(word, Integer.toString(errno.number()), errno.meaning());
        }
        SignalDoc signal = catalog.signal(word);
        if (signal != null) {
            return line(word, signal.number() > 0 ? Integer.toString(signal.number()) : null,
                    signal.meaning() + " Default action: it " + signal.actionText() + ".");
        }
        if (catalog.siCode(word) != null) {
            return line(word, null, catalog.siCode(word).meaning());
        }
        if (word.equals("NULL")) {
            return "`NULL`: a null pointer — no buffer or struct was passed.";
        }
        return null;
    }

    private static String line(String word, String value, String meaning) {
        return Md.tick(word) + (value != null ? " (" + value + ")" : "") + (meaning != null ? ": " + meaning : "");
    }

    /** A flag set {@code A|B|0x10}: each member on its own line. */
    static String flags(ArgNode flags) {
        return flags(flags, null);
    }

    /**
     * A flag set {@code A|B|0x10}: each member on its own line. Under a netlink attribute's {@code nla_type}
     * ({@code NLA_F_NESTED|0x3e}) the number is the attribute's type, not flag bits.
     */
    static String flags(ArgNode flags, String field) {
        StringBuilder b = new StringBuilder();
        for (ArgNode item : flags.children()) {
            String text = item.kind() == ArgKind.SYMBOL ? symbol(item.text(), false) : null;
            if (text == null && item.kind() == ArgKind.NUMBER && "nla_type".equals(field)) {
                text = attributeType(item.text(), null);
            }
            if (text == null && item.kind() == ArgKind.NUMBER) {
                text = Md.tick(item.text()) + ": " + (item.text().startsWith("0") && !item.text().startsWith("0x")
                        && item.text().length() > 1 ? modeText(item.text()) : "bits strace has no name for.");
            }
            if (text == null && item.kind() == ArgKind.EXPRESSION) {
                text = Md.tick(item.text()) + ": " + expression(item);
            }
            b.append("- ").append(text != null ? text : Md.tick(item.text())).append('\n');
        }
        return b.toString();
    }

    /**
     * A number in a netlink attribute's {@code nla_type}: the attribute's type (its low 14 bits; the two high bits
     * are {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER}), which strace prints as a number when its table has
     * no name for it.
     */
    static String attributeType(String text, String comment) {
        long value;
        try {
            value = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
        StringBuilder b = new StringBuilder(Md.tick(text)).append(": the attribute's type number, ").append(value & 0x3fff)
                .append(" — not flag bits. ");
        if (comment != null && comment.endsWith("_???")) {
            b.append("strace 6.1's ").append(tick(comment.substring(0, comment.length() - 3) + "*"))
                    .append(" table has no name for it: the kernel that answered is newer than this strace.");
        } else {
            b.append("strace has no name for it in this attribute family.");
        }
        return b.toString();
    }

    private static String tick(String s) {
        return Md.tick(s);
    }

    /** {@code FUTEX_OP_SET<<28}: operands explained. */
    static String expression(ArgNode expr) {
        StringBuilder b = new StringBuilder("an expression");
        for (ArgNode operand : expr.children()) {
            if (operand.kind() == ArgKind.SYMBOL) {
                String s = symbol(operand.text(), false);
                if (s != null) {
                    b.append("; ").append(s);
                }
            }
        }
        return b.toString();
    }

    /** An octal mode such as {@code 0644} or {@code 0100755}: permissions as {@code rw-r--r--}. */
    static String modeText(String octal) {
        long mode;
        try {
            mode = Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            return "An octal number.";
        }
        StringBuilder rwx = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            rwx.append((mode & (1L << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        if ((mode & 04000) != 0) {
            rwx.setCharAt(2, rwx.charAt(2) == 'x' ? 's' : 'S');
        }
        if ((mode & 02000) != 0) {
            rwx.setCharAt(5, rwx.charAt(5) == 'x' ? 's' : 'S');
        }
        if ((mode & 01000) != 0) {
            rwx.setCharAt(8, rwx.charAt(8) == 'x' ? 't' : 'T');
        }
        StringBuilder b = new StringBuilder(fileType(mode)).append("Permission bits ").append(Md.tick(rwx.toString()))
                .append(": owner ").append(who(mode >> 6)).append(", group ").append(who(mode >> 3))
                .append(", others ").append(who(mode)).append('.');
        if ((mode & 04000) != 0) {
            b.append(" Set-user-ID: the program runs as the file's owner.");
        }
        if ((mode & 02000) != 0) {
            b.append(" Set-group-ID.");
        }
        if ((mode & 01000) != 0) {
            b.append(" Sticky: in a directory, only a file's owner may delete it.");
        }
        return b.toString();
    }

    /** "File type `S_IFCHR` (character device). " for the type bits of a mode ({@code st_mode=020666} under -X raw). */
    private static String fileType(long mode) {
        long type = mode & 0170000;
        String[] t = switch ((int) type) {
            case 0140000 -> new String[] {"S_IFSOCK", "socket"};
            case 0120000 -> new String[] {"S_IFLNK", "symbolic link"};
            case 0100000 -> new String[] {"S_IFREG", "regular file"};
            case 060000 -> new String[] {"S_IFBLK", "block device"};
            case 040000 -> new String[] {"S_IFDIR", "directory"};
            case 020000 -> new String[] {"S_IFCHR", "character device"};
            case 010000 -> new String[] {"S_IFIFO", "FIFO (named pipe)"};
            default -> null;
        };
        if (t == null) {
            return type == 0 ? "" : "Type bits 0" + Long.toOctalString(type) + " that name no file type. ";
        }
        return "File type " + Md.tick(t[0]) + " (" + t[1] + ", 0" + Long.toOctalString(type) + "). ";
    }

    private static String who(long bits) {
        StringBuilder b = new StringBuilder();
        if ((bits & 4) != 0) {
            b.append("read");
        }
        if ((bits & 2) != 0) {
            b.append(b.length() > 0 ? "/" : "").append("write");
        }
        if ((bits & 1) != 0) {
            b.append(b.length() > 0 ? "/" : "").append("execute");
        }
        return b.length() == 0 ? "nothing" : b.toString();
    }

    /** A byte count in readable units: {@code 131072} → "128 KiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String number = v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%,d bytes = %s %s", bytes, number, units[u]);
    }

    /** Hover over a parenthesised note after a result, e.g. {@code (flags O_RDONLY|O_LARGEFILE)}: the word under the cursor. */
    static Hover wordHover(HoverContext ctx, Span note) {
        String text = ctx.text();
        int start = ctx.offset();
        int end = ctx.offset();
        while (start > note.start() && isWord(text.charAt(start - 1))) {
            start--;
        }
        while (end < note.end() && isWord(text.charAt(end))) {
            end++;
        }
        if (start == end) {
            return null;
        }
        String word = text.substring(start, end);
        String explanation = symbol(word, false);
        if (explanation == null) {
            String noteText = note.text(text);
            explanation = switch (noteText) {
                case "(Timeout)" -> "The wait ended because its timeout expired, not because anything became ready.";
                case "(INJECTED)" -> "strace injected this result (`-e inject=` / `-e fault=`): the kernel did not run the call this way.";
                case "(DELAYED)" -> "strace delayed this call on purpose (`-e inject=…:delay_enter/delay_exit`).";
                default -> null;
            };
        }
        return explanation == null ? null : new Hover(start, end, explanation);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static List<String> sizeParams() {
        return List.of("count", "len", "length", "size", "bufsiz", "nbytes", "buflen", "optlen", "addrlen", "ss_size",
                "stack_size", "old_size", "new_size", "vlen", "iov_len", "st_size", "st_blksize");
    }
}
