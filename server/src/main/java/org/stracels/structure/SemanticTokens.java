package org.stracels.structure;

import java.util.Set;
import org.stracels.analysis.FdCalls;
import org.stracels.analysis.Trace;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/**
 * Semantic tokens of a range of lines: every part of a line the parser knows, typed by what it means
 * (see {@link TokenType}). Each line of the range is read again, and only those: a range request costs the
 * same on a small file and on a million lines.
 */
public final class SemanticTokens {
    /** A full request on a larger file answers for its first lines only; editors ask for ranges of such files. */
    public static final int MAX_FULL_LINES = 100_000;

    private static final Set<String> PID_RESULTS = Set.of("clone", "clone2", "clone3", "fork", "vfork", "getpid",
            "getppid", "gettid", "wait4", "waitpid", "getpgid", "getsid", "setsid", "getpgrp");

    private SemanticTokens() {
    }

    /** Tokens of lines {@code first..last} (inclusive, clamped to the trace). */
    public static TokenList tokens(Trace trace, int first, int last, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        TokenList out = new TokenList();
        LineTokens line = new LineTokens();
        int from = Math.max(0, first);
        int to = Math.min(last, parsed.lineCount() - 1);
        for (int i = from; i <= to; i++) {
            cancel.checkEvery(i);
            tokenize(trace, i, line);
            line.flush(i, parsed.lineStart(i), parsed.lineEnd(i), out);
        }
        return out;
    }

    /** Tokens of the whole trace, or of its first {@link #MAX_FULL_LINES} lines. */
    public static TokenList full(Trace trace, CancelCheck cancel) {
        return tokens(trace, 0, Math.min(trace.parsed().lineCount(), MAX_FULL_LINES) - 1, cancel);
    }

    private static void tokenize(Trace trace, int i, LineTokens out) {
        ParsedTrace parsed = trace.parsed();
        LineKind kind = parsed.kind(i);
        String text = trace.text();
        switch (kind) {
            case BLANK, FOREIGN, MALFORMED, CONTINUATION -> {
                return;
            }
            case STACK_FRAME, HEX_DUMP, SUMMARY, STRACE_MESSAGE -> {
                DetailTokens.line(text, parsed.line(i), out);
                return;
            }
            default -> {
            }
        }
        ParsedLine line = parsed.line(i);
        prefix(text, line, out);
        ArgTokens args = new ArgTokens(text, out);
        switch (kind) {
            case SIGNAL -> {
                out.add(line.nameSpan().start(), line.nameSpan().end(), TokenType.EVENT);
                if (line.argsSpan().isPresent()) {
                    ArgParser.parse(text, line.argsSpan()).nodes().forEach(n -> args.node(n, ArgTokens.Role.PLAIN));
                }
            }
            case STOPPED, KILLED, EXITED, SUPERSEDED, PERSONALITY -> DetailTokens.lifecycle(text, line, out);
            default -> syscall(trace, i, line, args, out);
        }
    }

    private static void prefix(String text, ParsedLine line, LineTokens out) {
        Span pid = line.pidSpan();
        if (pid.isPresent()) {
            int d = pid.start();
            while (d < pid.end() && !Character.isDigit(text.charAt(d))) {
                d++;
            }
            int e = d;
            while (e < pid.end() && Character.isDigit(text.charAt(e))) {
                e++;
            }
            out.add(d, e, TokenType.NAMESPACE);
            // [pid 4110<make>]: the comm right after the digits (looked at there only: a search forward for '<'
            // would read on to the end of the text when no line after this one has one)
            if (e < pid.end() && text.charAt(e) == '<') {
                out.add(e + 1, pid.end() - (text.charAt(pid.end() - 1) == ']' ? 2 : 1), TokenType.STRING);
            }
        }
        Span comm = line.commSpan();
        if (comm.length() > 2) {
            out.add(comm.start() + 1, comm.end() - 1, TokenType.STRING);
        }
        Span abs = line.absoluteTimeSpan();
        out.add(abs.start(), abs.end(), TokenType.NUMBER, TokenModifier.TIMESTAMP.bit());
        Span rel = line.relativeTimeSpan();
        if (rel.isPresent()) {
            int[] digits = DetailTokens.numberIn(text, rel.start(), rel.end());
            out.add(digits[0], digits[1], TokenType.NUMBER, TokenModifier.TIMESTAMP.bit());
        }
        Span scno = line.syscallNumberSpan();
        if (scno.isPresent()) {
            int[] digits = DetailTokens.numberIn(text, scno.start(), scno.end());
            out.add(digits[0], digits[1], TokenType.NUMBER);
        }
        Span ip = line.instructionPointerSpan();
        if (ip.length() > 2 && text.charAt(ip.start() + 1) != '?') { // [????????????????]: strace could not read it
            out.add(ip.start() + 1, ip.end() - 1, TokenType.NUMBER, TokenModifier.ADDRESS.bit());
        }
    }

    private static void syscall(Trace trace, int i, ParsedLine line, ArgTokens args, LineTokens out) {
        String text = trace.text();
        Span name = line.nameSpan();
        if (!name.isPresent()) {
            return;
        }
        out.add(name.start(), name.end(), TokenType.FUNCTION, TokenModifier.DEFAULT_LIBRARY.bit());
        if (line.kind() == LineKind.PARTIAL) {
            return; // the rest of the line is someone else's text; the call goes on on a later line
        }
        if (line.kind() == LineKind.RESUMED) {
            out.add(name.start() - 5, name.start() - 1, TokenType.KEYWORD); // "<..."
            out.add(name.end() + 1, name.end() + 9, TokenType.KEYWORD); // "resumed>"
        }
        SyscallDoc doc = Catalog.get().syscall(line.name());
        if (line.argsSpan().isPresent()) {
            ArgList list = ArgParser.parse(text, line.argsSpan());
            int base = line.kind() == LineKind.RESUMED ? Parameters.firstIndex(trace, i, list) : 0;
            // past a problem the text is not arguments any more (the program's output on stderr, say)
            int trusted = list.hasProblems() ? list.problems().get(0).offset() : Integer.MAX_VALUE;
            for (int k = 0; k < list.size() && list.get(k).end() <= trusted; k++) {
                ArgNode arg = list.get(k);
                SyscallDoc.ParamDoc param = doc == null || base < 0 ? null : doc.param(base + k);
                args.node(arg, param == null ? ArgTokens.Role.PLAIN
                        : InlayHints.isFdParameter(param.name()) ? ArgTokens.Role.FD
                        : isPidParameter(param.name()) ? ArgTokens.Role.PID
                        : ArgTokens.isSignalSet(param.name(), arg) ? ArgTokens.Role.SIGNAL : ArgTokens.Role.PLAIN);
            }
        }
        out.add(line.unfinishedSpan().start(), line.unfinishedSpan().end(), TokenType.KEYWORD);
        out.add(line.tailSpan().start(), line.tailSpan().end(), TokenType.KEYWORD);
        out.add(line.equalsSpan().start(), line.equalsSpan().end(), TokenType.OPERATOR);
        result(text, line, doc, out);
        for (Span note : line.notes()) {
            String t = note.text(text);
            out.add(note.start(), note.end(), t.startsWith("(INJECTED") || t.startsWith("(DELAYED")
                    ? TokenType.KEYWORD : TokenType.COMMENT);
        }
        Span duration = line.durationSpan();
        if (duration.length() > 2) {
            out.add(duration.start() + 1, duration.end() - 1, TokenType.NUMBER, TokenModifier.DURATION.bit());
        }
    }

    /** pid, tgid, tid, ppid … */
    static boolean isPidParameter(String name) {
        return name.equals("pid") || name.equals("tgid") || name.equals("tid") || name.endsWith("pid");
    }

    private static void result(String text, ParsedLine line, SyscallDoc doc, LineTokens out) {
        Span value = line.returnValueSpan();
        if (value.isPresent() && !value.text(text).startsWith("?")) {
            String v = value.text(text);
            if (FdCalls.resultIsFd(text, line)) {
                out.add(value.start(), value.end(), TokenType.VARIABLE, TokenModifier.READONLY.bit());
            } else if (line.returnKind() == ReturnKind.VALUE && PID_RESULTS.contains(line.name())) {
                out.add(value.start(), value.end(), TokenType.NAMESPACE);
            } else {
                out.add(value.start(), value.end(), TokenType.NUMBER,
                        ArgTokens.isAddress(v) ? TokenModifier.ADDRESS.bit() : 0);
            }
        }
        Span decoration = line.returnDecorationSpan();
        if (decoration.length() > 2) {
            boolean comment = text.startsWith("/*", decoration.start());
            out.add(comment ? decoration.start() : decoration.start() + 1, comment ? decoration.end() : decoration.end() - 1,
                    comment ? TokenType.COMMENT : TokenType.STRING);
        }
        out.add(line.errnoSpan().start(), line.errnoSpan().end(), TokenType.MACRO);
        out.add(line.errnoTextSpan().start(), line.errnoTextSpan().end(), TokenType.COMMENT);
    }
}
