package org.stracels.hover;

import org.stracels.analysis.ProcessInfo;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/** The value after {@code =}: an fd, a pid, an address, a count. */
final class ResultHover {
    private ResultHover() {
    }

    static Hover onValue(HoverContext ctx) {
        ParsedLine line = ctx.line();
        String text = ctx.text();
        Span span = line.returnDecorationSpan().isPresent()
                ? new Span(line.returnValueSpan().start(), line.returnDecorationSpan().end()) : line.returnValueSpan();
        String name = ctx.syscall() == null ? "" : ctx.syscall();
        String value = line.returnValueSpan().text(text);
        SyscallDoc doc = Catalog.get().syscall(name);
        Md md = new Md();
        if (name.equals("clone") || name.equals("clone3") || name.equals("fork") || name.equals("vfork")) {
            ProcessInfo child = ProcessHover.findByPid(ctx, parseInt(value), ctx.lineIndex());
            md.heading("Child pid " + value);
            if (child != null) {
                md.para(ProcessHover.describe(ctx, child));
            } else {
                md.para("The new process does not appear in this trace (traced without `-f`?).");
            }
            return new Hover(span.start(), span.end(), md.toString());
        }
        boolean modelFd = line.returnValueSpan().isPresent()
                && ctx.trace().fds().useAt(line.returnValueSpan().start()) >= 0;
        if (modelFd || org.stracels.analysis.FdCalls.resultIsFd(text, line)) {
            md.heading("fd " + value);
            String target = line.returnDecorationSpan().isPresent()
                    ? Outcome.decorationText(line.returnDecorationSpan().text(text)) : Outcome.firstPath(ctx);
            md.para("A new file descriptor" + (target != null ? " for " + Md.tick(target) : "") + ", made by this "
                    + Md.tick(name) + ". The process uses this number for it until it closes it.");
            md.para(FdLifeText.describe(ctx, line.returnValueSpan().start(), true));
            return new Hover(span.start(), span.end(), md.toString());
        }
        md.heading("Result " + value);
        if (Injection.injected(text, line)) {
            md.para("strace injected this result (`-e inject=…:retval=`): the kernel did not return it.");
        }
        if (doc != null) {
            md.para(doc.returns());
        }
        if (value.startsWith("0x") && value.length() > 8) {
            md.para("An address in the process's memory.");
        } else if (value.startsWith("0") && value.length() > 1 && !value.startsWith("0x")) {
            md.para(ValueExplainer.modeText(value));
        }
        if (line.returnDecorationSpan().isPresent() && text.startsWith("/*", line.returnDecorationSpan().start())) {
            md.para("The comment gives the pid as strace's own pid namespace sees it.");
        }
        return new Hover(span.start(), span.end(), md.toString());
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
