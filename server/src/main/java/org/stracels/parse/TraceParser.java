package org.stracels.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a whole trace: splits it into lines (at LF, CRLF or a lone CR, as LSP does), reads each
 * with {@link LineParser} and keeps the compact index of {@link ParsedTrace}. A second, local look decides
 * the kinds that depend on neighbours: a syscall line cut in two by the program's output
 * ({@link LineKind#PARTIAL} + {@link LineKind#CONTINUATION}) and the program's own text in stderr
 * captures ({@link LineKind#FOREIGN}). Never throws; linear in the size of the text.
 */
public final class TraceParser {
    /** How far a cut line may be from its rest. */
    private static final int JOIN_WINDOW = 8;
    /** Lines in strace's --tips bubble, with some room. */
    private static final int TIPS_BOX_HEIGHT = 14;

    private TraceParser() {
    }

    public static ParsedTrace parse(String text) {
        return parse(text, CancelCheck.NONE);
    }

    /** Parses {@code text}, asking {@code cancel} now and then whether the result is still wanted. */
    public static ParsedTrace parse(String text, CancelCheck cancel) {
        return parse(text, cancel, false);
    }

    /**
     * Parses one window of a big trace. {@code capture} says that an earlier window showed the file to be strace's
     * stderr (its messages, {@code [pid N]} prefixes), which decides how unreadable lines are taken.
     */
    public static ParsedTrace parse(String text, CancelCheck cancel, boolean capture) {
        return parseText(text, cancel, capture);
    }

    /** Whether a parsed text shows itself to be strace's stderr: one of its messages or a {@code [pid N]} prefix. */
    public static boolean looksLikeCapture(ParsedTrace parsed) {
        String text = parsed.text();
        for (int i = 0; i < parsed.lineCount(); i++) {
            if (parsed.kind(i) == LineKind.STRACE_MESSAGE
                    || parsed.pid(i) >= 0 && text.charAt(parsed.lineStart(i)) == '[') {
                return true;
            }
        }
        return false;
    }

    private static ParsedTrace parseText(String text, CancelCheck cancel, boolean captureKnown) {
        int[] starts = lineStarts(text);
        int n = starts.length - 1;
        byte[] kinds = new byte[n];
        int[] pids = new int[n];
        int[] names = new int[n];
        short[] errnos = new short[n];
        byte[] returns = new byte[n];
        long[] durations = new long[n];
        Map<String, Integer> nameIds = new HashMap<>();
        List<String> nameTable = new ArrayList<>();
        Map<String, Integer> errnoIds = new HashMap<>();
        List<String> errnoTable = new ArrayList<>();
        boolean capture = captureKnown;
        boolean anyMalformed = false;

        for (int i = 0; i < n; i++) {
            cancel.checkEvery(i);
            int start = starts[i];
            int end = contentEnd(text, start, starts[i + 1]);
            ParsedLine line = LineParser.parse(text, start, end);
            kinds[i] = (byte) line.kind.ordinal();
            pids[i] = line.pid;
            names[i] = line.name == null ? -1 : nameIds.computeIfAbsent(line.name, k -> {
                nameTable.add(k);
                return nameTable.size() - 1;
            });
            errnos[i] = line.errno == null ? -1 : (short) (int) errnoIds.computeIfAbsent(line.errno, k -> {
                errnoTable.add(k);
                return Math.min(errnoTable.size() - 1, Short.MAX_VALUE);
            });
            returns[i] = (byte) line.returnKind.ordinal();
            durations[i] = line.durationNanos;
            if (line.kind == LineKind.STRACE_MESSAGE || (line.pidSpan.isPresent() && text.charAt(line.pidSpan.start()) == '[')) {
                capture = true;
            }
            anyMalformed |= line.kind == LineKind.MALFORMED;
        }
        Map<Integer, LineKind> joined = new HashMap<>();
        if (anyMalformed) {
            resolveByContext(text, starts, kinds, capture, joined);
            CallsInProgress.mark(text, starts, kinds, pids);
        }
        return new ParsedTrace(text, n, starts, kinds, pids, names, errnos, returns, durations,
                List.copyOf(nameTable), List.copyOf(errnoTable), Map.copyOf(joined));
    }

    /** Line start offsets plus one final entry: the text length. A final line break opens no line of its own. */
    static int[] lineStarts(String text) {
        int[] starts = new int[Math.max(16, text.length() / 64)];
        int n = 0;
        int len = text.length();
        int pos = 0;
        // without a CR anywhere (nearly every trace), String.indexOf finds the line breaks: much faster than charAt
        boolean lfOnly = text.indexOf('\r') < 0;
        while (pos < len || n == 0) {
            if (n + 2 > starts.length) {
                starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            }
            starts[n++] = pos;
            int i = pos;
            if (lfOnly) {
                int lf = text.indexOf('\n', pos);
                i = lf < 0 ? len : lf;
            }
            while (i < len) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i >= len) {
                pos = len;
                break;
            }
            pos = (text.charAt(i) == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            if (pos == len) {
                break;
            }
        }
        starts[n] = len;
        return java.util.Arrays.copyOf(starts, n + 1);
    }

    static int contentEnd(String text, int start, int next) {
        int end = next;
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static void resolveByContext(String text, int[] starts, byte[] kinds, boolean capture,
            Map<Integer, LineKind> joined) {
        int n = kinds.length;
        byte malformed = (byte) LineKind.MALFORMED.ordinal();
        for (int i = 0; i < n; i++) {
            if (kinds[i] != malformed) {
                continue;
            }
            ParsedLine line = LineParser.parse(text, starts[i], contentEnd(text, starts[i], starts[i + 1]));
            if (LineParser.isCutSyscall(line) && joinCutLine(text, starts, kinds, i, line, joined)) {
                continue;
            }
            if (isTipsBoxTop(text, line)) {
                i = markTipsBox(kinds, i);
                continue;
            }
            if (capture) {
                kinds[i] = (byte) LineKind.FOREIGN.ordinal();
            }
        }
    }

    /** The top of strace's --tips speech bubble: a run of underscores after some indentation. */
    private static boolean isTipsBoxTop(String text, ParsedLine line) {
        int i = line.lineStart();
        while (i < line.lineEnd() && text.charAt(i) == ' ') {
            i++;
        }
        int underscores = 0;
        while (i < line.lineEnd() && text.charAt(i) == '_') {
            i++;
            underscores++;
        }
        return underscores >= 20;
    }

    /** Marks the bubble (its top line and the unreadable lines under it) as strace's own text; returns the last. */
    private static int markTipsBox(byte[] kinds, int top) {
        int last = top;
        for (int j = top; j < kinds.length && j < top + TIPS_BOX_HEIGHT; j++) {
            if (kinds[j] == (byte) LineKind.MALFORMED.ordinal() || kinds[j] == (byte) LineKind.HEX_DUMP.ordinal()) {
                kinds[j] = (byte) LineKind.STRACE_MESSAGE.ordinal();
                last = j;
            }
        }
        return last;
    }

    /**
     * Looks for the rest of the cut syscall line {@code i} among the next few lines: the first line that,
     * appended to it, completes a syscall line. Lines in between are the program's text.
     */
    private static boolean joinCutLine(String text, int[] starts, byte[] kinds, int i, ParsedLine cut,
            Map<Integer, LineKind> joined) {
        String head = text.substring(cut.lineStart, cut.lineEnd);
        for (int j = i + 1; j < kinds.length && j <= i + JOIN_WINDOW; j++) {
            LineKind kind = LineKind.values()[kinds[j]];
            if (kind != LineKind.MALFORMED && kind != LineKind.STRACE_MESSAGE && kind != LineKind.FOREIGN) {
                return false;
            }
            if (kind != LineKind.MALFORMED) {
                continue;
            }
            String wholeText = head + text.substring(starts[j], contentEnd(text, starts[j], starts[j + 1]));
            ParsedLine whole = LineParser.parse(wholeText, 0, wholeText.length());
            if (whole.kind.isSyscall()) {
                kinds[i] = (byte) LineKind.PARTIAL.ordinal();
                joined.put(i, whole.kind);
                kinds[j] = (byte) LineKind.CONTINUATION.ordinal();
                for (int k = i + 1; k < j; k++) {
                    if (kinds[k] == (byte) LineKind.MALFORMED.ordinal()) {
                        kinds[k] = (byte) LineKind.FOREIGN.ordinal();
                    }
                }
                return true;
            }
        }
        return false;
    }
}
