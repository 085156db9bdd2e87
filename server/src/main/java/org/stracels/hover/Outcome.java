package org.stracels.hover;

import org.stracels.analysis.FdCalls;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.ErrnoDoc;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/** What one call did, in a sentence: "returned fd 3 → /etc/ld.so.cache · took 0.012 ms". */
final class Outcome {
    private Outcome() {
    }

    static String describe(HoverContext ctx) {
        ParsedTrace parsed = ctx.trace().parsed();
        int resultLine = ctx.lineIndex();
        if (ctx.line().kind() == LineKind.UNFINISHED) {
            resultLine = ctx.trace().model().partner(ctx.lineIndex());
            if (resultLine < 0) {
                return "This call never returned within the trace: no matching `<... " + ctx.line().name()
                        + " resumed>` line.";
            }
        }
        ParsedLine result = resultLine == ctx.lineIndex() ? ctx.line() : parsed.line(resultLine);
        String text = ctx.text();
        StringBuilder b = new StringBuilder();
        switch (result.returnKind()) {
            case VALUE -> {
                b.append(valueSentence(ctx, result));
                if (Injection.injected(text, result)) {
                    b.append(" strace injected this result (`-e inject=…:retval=`): the kernel did not return it.");
                }
            }
            case ERROR -> {
                ErrnoDoc doc = Catalog.get().errno(result.errno());
                b.append("Failed with ").append(Md.tick(result.errno() == null ? "-1" : result.errno()));
                String message = result.errnoTextSpan().text(text);
                if (!message.isEmpty()) {
                    b.append(" (").append(message).append(")");
                }
                boolean injected = Injection.injected(text, result);
                String cause = injected ? null : doc == null ? null : doc.causeFor(ctx.syscall());
                if (injected) {
                    b.append(", injected by strace: the kernel did not refuse it");
                } else if (cause != null) {
                    b.append(" — ").append(cause);
                }
                if (b.charAt(b.length() - 1) != '.') {
                    b.append('.');
                }
            }
            case RESTART -> b.append("Interrupted by a signal (").append(Md.tick(String.valueOf(result.errno())))
                    .append("). ").append(Injection.restartText(result.errno()));
            case NEVER -> b.append("Never returned: the process exited, was killed, or replaced by execve first.");
            case UNAVAILABLE -> b.append("strace could not read the result.");
            case ABSENT -> {
                if (result.kind() == LineKind.DETACHED) {
                    b.append("strace detached from the process before the call returned.");
                } else if (result.kind() == LineKind.PID_CHANGED) {
                    b.append("The thread's execve replaced the process; the call continues under pid ")
                            .append(result.number()).append('.');
                }
            }
        }
        if (result.durationNanos() >= 0) {
            b.append(b.length() > 0 ? " " : "").append("Took ").append(TimeHover.duration(result.durationNanos())).append('.');
        }
        if (resultLine != ctx.lineIndex()) {
            b.append(" (result on ").append(HoverContext.lineRef(resultLine)).append(")");
        }
        return b.toString();
    }

    private static String valueSentence(HoverContext ctx, ParsedLine result) {
        String text = ctx.text();
        String value = result.returnValueSpan().text(text);
        SyscallDoc doc = Catalog.get().syscall(ctx.syscall());
        String name = ctx.syscall() == null ? "" : ctx.syscall();
        if (FdCalls.resultIsFd(text, result)) {
            String target = result.returnDecorationSpan().isPresent()
                    ? decorationText(result.returnDecorationSpan().text(text)) : firstPath(ctx);
            return "Returned fd " + Md.tick(value) + (target == null ? "" : " → " + Md.tick(target)) + ".";
        }
        if (name.equals("clone") || name.equals("clone3") || name.equals("fork") || name.equals("vfork")) {
            return "Created pid " + Md.tick(value) + ".";
        }
        if ((name.equals("execve") || name.equals("execveat")) && value.equals("0")) {
            String program = firstPath(ctx);
            return "Succeeded: the process now runs " + (program != null ? Md.tick(program) : "the new program") + ".";
        }
        if ((name.equals("read") || name.equals("pread64") || name.equals("recvfrom") || name.equals("readv"))) {
            return value.equals("0") ? "Returned 0: end of file, or the other end closed." : "Read " + value + " bytes.";
        }
        if (name.equals("write") || name.equals("pwrite64") || name.equals("sendto") || name.equals("writev")) {
            return "Wrote " + value + " bytes.";
        }
        return "Returned " + Md.tick(value) + ".";
    }

    /** The text of an fd decoration without its angle brackets. */
    static String decorationText(String decoration) {
        String d = decoration;
        if (d.endsWith("(deleted)")) {
            d = d.substring(0, d.length() - 9);
        }
        if (d.startsWith("<") && d.endsWith(">")) {
            d = d.substring(1, d.length() - 1);
        }
        return d + (decoration.endsWith("(deleted)") ? " (deleted)" : "");
    }

    /** The first string argument of the call (its path), from the line where the call began. */
    static String firstPath(HoverContext ctx) {
        int entry = ctx.entryLine();
        if (entry < 0) {
            return null;
        }
        ParsedLine line = entry == ctx.lineIndex() ? ctx.line() : ctx.trace().parsed().line(entry);
        return ArgParser.firstString(ctx.text(), line.argsSpan());
    }
}
