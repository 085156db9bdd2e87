package org.stracels.analysis;

/**
 * Whether two -y/-yy decorations of the same fd number name the same open file. A decoration is a snapshot
 * taken from /proc when strace printed the argument, so one file can print differently over its life
 * (strace-format.md §7.2): a socket shows its inode until -yy can show its endpoints ({@code TCP:[9]} then
 * {@code TCP:[1.2.3.4:5->6.7.8.9:10]}), a unix socket gains its bound path, a pidfd shows {@code pid:N} until
 * the child is reaped and {@code anon_inode:[pidfd]} after. Anything else that differs is another file.
 */
public final class FdNames {
    private FdNames() {
    }

    /** The decoration without its angle brackets: {@code </a>} and {@code /a} both give {@code /a}. */
    public static String inner(String decoration) {
        if (decoration == null) {
            return null;
        }
        if (decoration.length() >= 2 && decoration.charAt(0) == '<' && decoration.charAt(decoration.length() - 1) == '>') {
            return decoration.substring(1, decoration.length() - 1);
        }
        return decoration;
    }

    /** Whether decorations {@code a} and {@code b} (with or without brackets) can name the same open file. */
    public static boolean sameObject(String a, String b) {
        a = inner(a);
        b = inner(b);
        if (a == null || b == null) {
            return true;
        }
        if (a.equals(b)) {
            return true;
        }
        if (isPidfd(a) && isPidfd(b)) {
            return true;
        }
        String protoA = socketProtocol(a);
        String protoB = socketProtocol(b);
        if (protoA != null || protoB != null) {
            if (protoA == null || protoB == null || !protoA.equals(protoB)) {
                return false;
            }
            String inodeA = leadingInode(a, protoA.length() + 2);
            String inodeB = leadingInode(b, protoB.length() + 2);
            // one side may show endpoints where the other showed the inode: same protocol is all we can tell
            return inodeA == null || inodeB == null || inodeA.equals(inodeB);
        }
        return withoutDevice(a).equals(withoutDevice(b));
    }

    private static boolean isPidfd(String s) {
        return s.equals("anon_inode:[pidfd]") || (s.startsWith("pid:") && s.length() > 4);
    }

    /** {@code TCP} of {@code TCP:[…]}, {@code socket} of {@code socket:[123]}; null for paths and anon inodes. */
    private static String socketProtocol(String s) {
        if (s.startsWith("/") || s.startsWith("anon_inode:") || s.startsWith("pipe:")) {
            return null;
        }
        int colon = s.indexOf(":[");
        if (colon <= 0 || !s.endsWith("]")) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '/' || c == '_')) {
                return null;
            }
        }
        return s.substring(0, colon);
    }

    /** The inode at {@code from} when the bracket starts with one ({@code [123]}, {@code [123->456]}, {@code [123,"p"]}). */
    private static String leadingInode(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == from || i >= s.length()) {
            return null;
        }
        char next = s.charAt(i);
        return next == ']' || next == ',' || next == '-' ? s.substring(from, i) : null;
    }

    /** {@code /dev/null} of {@code /dev/null<char 1:3>}. */
    private static String withoutDevice(String s) {
        if (s.endsWith(">")) {
            int open = s.lastIndexOf('<');
            if (open > 0 && s.charAt(open - 1) != '\\') {
                return s.substring(0, open);
            }
        }
        return s;
    }
}
