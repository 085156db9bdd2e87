package org.stracels.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parsed form of a whole trace: the text, kept once, and a compact index of a few bytes per line
 * (offset, kind, pid, syscall name, errno, result kind, duration). The full structure of a line is
 * re-read on demand by {@link #line(int)}.
 */
public final class ParsedTrace {
    private final String text;
    private final int lineCount;
    private final int[] starts;
    private final byte[] kinds;
    private final int[] pids;
    private final int[] names;
    private final short[] errnos;
    private final byte[] returns;
    private final long[] durations;
    private final List<String> nameTable;
    private final List<String> errnoTable;
    private final Map<Integer, LineKind> joinedKinds;

    ParsedTrace(String text, int lineCount, int[] starts, byte[] kinds, int[] pids, int[] names, short[] errnos,
            byte[] returns, long[] durations, List<String> nameTable, List<String> errnoTable,
            Map<Integer, LineKind> joinedKinds) {
        this.text = text;
        this.lineCount = lineCount;
        this.starts = starts;
        this.kinds = kinds;
        this.pids = pids;
        this.names = names;
        this.errnos = errnos;
        this.returns = returns;
        this.durations = durations;
        this.nameTable = nameTable;
        this.errnoTable = errnoTable;
        this.joinedKinds = joinedKinds;
    }

    private static final LineKind[] KINDS = LineKind.values();
    private static final ReturnKind[] RETURNS = ReturnKind.values();

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineCount;
    }

    /** Offset of the first char of line {@code i} (0-based). */
    public int lineStart(int i) {
        return starts[i];
    }

    /** Offset just past the last char of line {@code i}, excluding its line break. */
    public int lineEnd(int i) {
        int end = starts[i + 1];
        if (end > starts[i] && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > starts[i] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    public LineKind kind(int i) {
        return KINDS[kinds[i]];
    }

    /**
     * The kind of the call a line describes: for a {@link LineKind#PARTIAL} line, the kind of the whole line
     * its {@link LineKind#CONTINUATION} completes (e.g. UNFINISHED); for any other line, {@link #kind(int)}.
     */
    public LineKind callKind(int i) {
        LineKind kind = kind(i);
        return kind == LineKind.PARTIAL ? joinedKinds.getOrDefault(i, kind) : kind;
    }

    /** Pid from the line's prefix, or -1. */
    public int pid(int i) {
        return pids[i];
    }

    /** The syscall (or signal) name of line {@code i}, or null. */
    public String name(int i) {
        int id = names[i];
        return id < 0 ? null : nameTable.get(id);
    }

    /** A small integer standing for {@link #name(int)}, equal for equal names; -1 for none. */
    public int nameId(int i) {
        return names[i];
    }

    /** All distinct names, indexed by {@link #nameId(int)}. */
    public List<String> names() {
        return nameTable;
    }

    /** The errno of a failed or restarted call, or null. */
    public String errno(int i) {
        int id = errnos[i];
        return id < 0 ? null : errnoTable.get(id);
    }

    public ReturnKind returnKind(int i) {
        return RETURNS[returns[i]];
    }

    /** -T duration in nanoseconds, or -1. */
    public long durationNanos(int i) {
        return durations[i];
    }

    /** The full structure of line {@code i}, read again from the text. */
    public ParsedLine line(int i) {
        ParsedLine line = LineParser.parse(text, lineStart(i), lineEnd(i));
        LineKind kind = kind(i);
        if (line.kind != kind) {
            // a kind decided by context (foreign text, a cut line and its rest)
            line.kind = kind;
            if (kind != LineKind.MALFORMED) {
                line.problem = null;
            }
        }
        return line;
    }

    /**
     * The whole syscall line that a {@link LineKind#PARTIAL} line and its {@link LineKind#CONTINUATION} make
     * together, read as one line. Its offsets are into {@code ParsedLine}'s own joined text, not into the
     * trace: use it for values (a returned pid), not for positions. Null when {@code i} is not a joined line.
     */
    public JoinedLine joined(int i) {
        if (kind(i) != LineKind.PARTIAL) {
            return null;
        }
        for (int j = i + 1; j < lineCount; j++) {
            if (kind(j) == LineKind.CONTINUATION) {
                String whole = text.substring(lineStart(i), lineEnd(i)) + text.substring(lineStart(j), lineEnd(j));
                return new JoinedLine(whole, LineParser.parse(whole, 0, whole.length()), j);
            }
        }
        return null;
    }

    /** A cut line put back together: its text, what it reads as, and the line holding its rest. */
    public record JoinedLine(String text, ParsedLine line, int continuationLine) { }

    /** The line holding {@code offset} (an offset equal to the text length is on the last line). */
    public int lineAt(int offset) {
        if (offset <= 0) {
            return 0;
        }
        int i = Arrays.binarySearch(starts, 0, lineCount, offset);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, Math.min(lineCount - 1, -i - 2));
    }

    /**
     * This trace with the lines of {@code head} before its own: one text, one index. {@code head}'s text must end
     * with a line break. Used to put the calls a big file still waits for in front of a window of it.
     */
    public ParsedTrace prepend(ParsedTrace head) {
        if (head.lineCount == 0) {
            return this;
        }
        int hn = head.lineCount;
        int n = hn + lineCount;
        int shift = head.text.length();
        int[] s = new int[n + 1];
        System.arraycopy(head.starts, 0, s, 0, hn);
        for (int i = 0; i <= lineCount; i++) {
            s[hn + i] = starts[i] + shift;
        }
        java.util.List<String> table = new java.util.ArrayList<>(nameTable);
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int id = 0; id < table.size(); id++) {
            ids.put(table.get(id), id);
        }
        java.util.List<String> errTable = new java.util.ArrayList<>(errnoTable);
        java.util.Map<String, Integer> errIds = new java.util.HashMap<>();
        for (int id = 0; id < errTable.size(); id++) {
            errIds.putIfAbsent(errTable.get(id), id);
        }
        int[] nm = Arrays.copyOf(head.names, n);
        short[] er = Arrays.copyOf(head.errnos, n);
        for (int i = 0; i < hn; i++) {
            if (nm[i] >= 0) {
                nm[i] = ids.computeIfAbsent(head.nameTable.get(nm[i]), k -> {
                    table.add(k);
                    return table.size() - 1;
                });
            }
            if (er[i] >= 0) {
                er[i] = (short) (int) errIds.computeIfAbsent(head.errnoTable.get(er[i]), k -> {
                    errTable.add(k);
                    return Math.min(errTable.size() - 1, Short.MAX_VALUE);
                });
            }
        }
        System.arraycopy(names, 0, nm, hn, lineCount);
        System.arraycopy(errnos, 0, er, hn, lineCount);
        byte[] k = Arrays.copyOf(head.kinds, n);
        System.arraycopy(kinds, 0, k, hn, lineCount);
        int[] p = Arrays.copyOf(head.pids, n);
        System.arraycopy(pids, 0, p, hn, lineCount);
        byte[] r = Arrays.copyOf(head.returns, n);
        System.arraycopy(returns, 0, r, hn, lineCount);
        long[] d = Arrays.copyOf(head.durations, n);
        System.arraycopy(durations, 0, d, hn, lineCount);
        java.util.Map<Integer, LineKind> joined = new java.util.HashMap<>(head.joinedKinds);
        joinedKinds.forEach((line, kind) -> joined.put(line + hn, kind));
        return new ParsedTrace(head.text + text, n, s, k, p, nm, er, r, d, List.copyOf(table), List.copyOf(errTable),
                Map.copyOf(joined));
    }

    /** Bytes held by the index itself, not counting the text. */
    public long indexBytes() {
        return (long) starts.length * 4 + kinds.length + pids.length * 4L + names.length * 4L
                + errnos.length * 2L + returns.length + durations.length * 8L;
    }
}
