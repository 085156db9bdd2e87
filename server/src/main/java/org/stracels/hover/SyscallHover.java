package org.stracels.hover;

import org.stracels.catalog.Catalog;
import org.stracels.analysis.FdModel;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/** The syscall name: what it is, its signature and return, and what this call did. */
final class SyscallHover {
    private SyscallHover() {
    }

    /**
     * The signature; then what this call did (its result, its failure and the likely cause, the file its fd is,
     * the time it took); then what the call does in general, its returns and notes; the manual excerpt and the
     * link last.
     */
    static Hover onName(HoverContext ctx) {
        ParsedLine line = ctx.line();
        String name = line.name();
        Md md = new Md();
        SyscallDoc doc = Catalog.get().syscall(name);
        if (doc != null) {
            md.code(doc.signature());
        } else {
            md.heading(name);
        }
        if (line.kind() == LineKind.RESUMED) {
            int start = ctx.trace().model().partner(ctx.lineIndex());
            md.para(start >= 0 ? "Resumed half: the call started on " + HoverContext.lineRef(start) + ". The whole call:"
                    : "Resumed half: its start is not in this trace.");
            if (start >= 0) {
                md.code(joined(ctx, start));
            }
        }
        md.fact("This call", Outcome.describe(ctx));
        md.fact("On", fdFile(ctx, doc));
        if (doc != null) {
            md.para(doc.summary());
            md.fact("Returns", doc.returns());
            md.fact("Class", doc.kind());
            md.para(doc.strace());
        } else if (name.startsWith("syscall_0x")) {
            md.para("strace does not know syscall number " + name.substring(8)
                    + " for this architecture and prints its raw arguments in hex.");
        } else {
            md.para("A syscall strace-ls has no description for.");
        }
        if (doc != null && ctx.options().manPages() != null) {
            ctx.options().manPages().description(name)
                    .ifPresent(text -> md.para("*From the manual page installed here:* " + text));
        }
        if (doc != null) {
            md.link("man " + name + "(2)", doc.manPage());
        }
        return new Hover(line.nameSpan().start(), line.nameSpan().end(), md.toString());
    }

    /**
     * "fd 3 → `/etc/passwd`": the file of the fd the call works on (its first argument, when the catalogue names
     * that parameter as an fd), from a -y decoration or the fd model; null when unknown or not an fd call.
     */
    private static String fdFile(HoverContext ctx, SyscallDoc doc) {
        ParsedLine line = ctx.line();
        SyscallDoc.ParamDoc first = doc == null ? null : doc.param(0);
        if (first == null || !FD_PARAMS.contains(first.name()) || line.kind() == LineKind.RESUMED
                || !line.argsSpan().isPresent()) {
            return null;
        }
        ArgList args = ArgParser.parse(ctx.text(), line.argsSpan());
        if (args.size() == 0) {
            return null;
        }
        ArgNode arg = args.get(0);
        if (arg.kind() == ArgKind.FD) {
            return null; // the -y decoration on the line already names the file
        }
        if (arg.kind() != ArgKind.NUMBER) {
            return null;
        }
        FdModel fds = ctx.trace().fds();
        int use = fds.useAt(arg.start());
        if (use < 0) {
            return null;
        }
        String name = fds.instanceOfUse(use).name(ctx.text());
        return name == null ? null : "fd " + arg.text() + " → " + Md.tick(name) + ".";
    }

    private static final java.util.Set<String> FD_PARAMS = java.util.Set.of("fd", "sockfd", "epfd", "oldfd", "fd_in",
            "out_fd", "in_fd");

    /** The call the unfinished line {@code start} and this resumed line print in two halves, as one line. */
    static String joined(HoverContext ctx, int start) {
        ParsedLine entry = ctx.trace().parsed().line(start);
        String text = ctx.text();
        int cut = entry.unfinishedSpan().isPresent() ? entry.unfinishedSpan().start() : entry.lineEnd();
        String head = text.substring(Math.max(entry.eventStart(), entry.lineStart()), cut).stripTrailing();
        ParsedLine resumed = ctx.line();
        int marker = text.indexOf("resumed>", resumed.eventStart());
        String rest = marker < 0 || marker > resumed.lineEnd() ? ""
                : text.substring(marker + "resumed>".length(), resumed.lineEnd()).strip();
        boolean glue = rest.startsWith(")") || rest.startsWith(",") || head.endsWith("(");
        return head + (glue ? "" : " ") + rest;
    }

    /** {@code [ 12]} (-n) and {@code [00007f…]} (-i). */
    static Hover onPrefixField(HoverContext ctx) {
        ParsedLine line = ctx.line();
        Md md = new Md();
        Span span;
        if (HoverProvider.in(line.syscallNumberSpan(), ctx.offset())) {
            span = line.syscallNumberSpan();
            md.heading("Syscall number " + span.text(ctx.text()).replaceAll("[\\[\\] ]", ""));
            md.para("The number the process passed to the kernel (-n), in the syscall table of its current"
                    + " personality" + (line.name() != null ? ": " + Md.tick(line.name()) : "") + ".");
        } else {
            span = line.instructionPointerSpan();
            md.heading("Instruction pointer " + span.text(ctx.text()));
            md.para("Where the process was executing when it made the call (-i): the address just after the"
                    + " syscall instruction.");
        }
        return new Hover(span.start(), span.end(), md.toString());
    }

    /** {@code <unfinished ...>}, {@code <detached ...>}, {@code <pid changed to N ...>}. */
    static Hover onMarker(HoverContext ctx) {
        ParsedLine line = ctx.line();
        Md md = new Md();
        Span span;
        if (HoverProvider.in(line.unfinishedSpan(), ctx.offset())) {
            span = line.unfinishedSpan();
            int other = ctx.trace().model().partner(ctx.lineIndex());
            md.para("strace printed the start of " + Md.tick(line.name()) + " and then something else (another"
                    + " process, a signal) before the call returned.");
            md.para(other >= 0 ? "It resumes on " + HoverContext.lineRef(other) + "."
                    : line.returnKind() != null && line.equalsSpan().isPresent()
                            ? "It never returned." : "No resumed line follows in this trace.");
        } else {
            span = line.tailSpan();
            md.para(line.kind() == LineKind.DETACHED
                    ? "strace detached from the process while this call was running (interrupted, or `-b execve`)."
                    : "This thread called execve: the kernel moved it to the thread group leader's pid "
                            + line.number() + ", where the call resumes.");
        }
        return new Hover(span.start(), span.end(), md.toString());
    }
}
