package org.stracels.hover;

import org.stracels.analysis.ProcessInfo;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SiCodeDoc;
import org.stracels.catalog.SignalDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/** Signal delivery lines, their siginfo, and the lines that end a process. */
final class SignalHover {
    private SignalHover() {
    }

    static Hover onSignalLine(HoverContext ctx) {
        ParsedLine line = ctx.line();
        if (HoverProvider.in(line.argsSpan(), ctx.offset())) {
            return siginfo(ctx);
        }
        if (!HoverProvider.in(line.nameSpan(), ctx.offset())) {
            return null;
        }
        Md md = signal(line.name());
        if (line.kind() == LineKind.SIGNAL) {
            md.para(SignalSender.describe(ctx));
        }
        md.para(line.kind() == LineKind.STOPPED
                ? "The process entered a group stop: it does nothing until a `SIGCONT`."
                : "strace shows this line when the signal is delivered to the process, with the siginfo that says"
                        + " who sent it and why.");
        return new Hover(line.nameSpan().start(), line.nameSpan().end(), md.toString());
    }

    static Md signal(String name) {
        Md md = new Md();
        SignalDoc doc = Catalog.get().signal(name);
        md.heading(name + (doc != null && doc.number() > 0 ? " (" + doc.number() + ")" : ""));
        if (doc != null) {
            md.para(doc.meaning());
            md.fact("Default action", "it " + doc.actionText());
        }
        return md;
    }

    private static Hover siginfo(HoverContext ctx) {
        ParsedLine line = ctx.line();
        ArgList list = ArgParser.parse(ctx.text(), line.argsSpan());
        ArgNode node = list.nodeAt(ctx.offset());
        if (node == null) {
            return null;
        }
        java.util.List<ArgNode> path = list.pathAt(ctx.offset());
        ArgNode field = null;
        for (ArgNode n : path) {
            if (n.kind() == ArgKind.FIELD) {
                field = n;
            }
        }
        String fieldName = field == null ? null : field.name();
        Catalog catalog = Catalog.get();
        if (field != null && field.nameSpan().contains(ctx.offset())) {
            String doc = catalog.field(fieldName);
            if (doc == null) {
                return null;
            }
            Md md = new Md().heading(fieldName).para(doc);
            return new Hover(field.nameSpan().start(), field.nameSpan().end(), md.toString());
        }
        if (node.kind() == ArgKind.SYMBOL) {
            String word = node.text();
            SiCodeDoc code = catalog.siCode(word);
            if (code != null) {
                Md md = new Md().heading(word + (code.value() != null ? " (" + code.value() + ")" : "")).para(code.meaning());
                return new Hover(node.start(), node.end(), md.toString());
            }
            if (catalog.signal(word) != null) {
                return new Hover(node.start(), node.end(), signal(word).toString());
            }
        }
        if ("si_pid".equals(fieldName) && node.kind() == ArgKind.NUMBER) {
            ProcessInfo p = ProcessHover.findByPid(ctx, ResultHover.parseInt(node.text()), ctx.lineIndex());
            Md md = new Md().heading("pid " + node.text()).para(p != null ? ProcessHover.describe(ctx, p)
                    : "The sender is not traced in this file.");
            return new Hover(node.start(), node.end(), md.toString());
        }
        if (fieldName != null && catalog.field(fieldName) != null) {
            Md md = new Md().heading(fieldName + "=" + node.text()).para(catalog.field(fieldName));
            return new Hover(node.start(), node.end(), md.toString());
        }
        return null;
    }

    /** {@code +++ exited with N +++}, {@code +++ killed by SIG… +++}, {@code +++ superseded … +++}. */
    static Hover onEndLine(HoverContext ctx) {
        ParsedLine line = ctx.line();
        ProcessInfo p = ctx.process();
        Md md = new Md();
        Span span = line.detailSpan().isPresent() ? line.detailSpan() : line.lineSpan();
        switch (line.kind()) {
            case EXITED -> {
                md.heading("Exited with status " + line.number());
                md.para(line.number() == 0 ? "The process ended normally and reported success."
                        : "The process ended by itself and reported failure (a non-zero status); look for the failed"
                                + " calls and the error message it wrote just before.");
                if (line.number() > 128 && line.number() < 160) {
                    md.para("Statuses above 128 are what shells report for a child killed by signal "
                            + (line.number() - 128) + ".");
                }
            }
            case KILLED -> {
                md = signal(line.name());
                md.para("The process did not exit by itself: the signal ended it"
                        + (line.coreDumped() ? ", and the kernel wrote a core dump (load it with a debugger to see where)."
                                : "."));
                span = line.nameSpan();
            }
            default -> {
                md.heading("Superseded by an execve in pid " + line.number());
                md.para("Another thread of this process called execve. The kernel ends every other thread, and the"
                        + " exec'ing thread takes over the thread group leader's pid, so the program continues"
                        + " under this pid.");
            }
        }
        if (p != null) {
            md.para(ProcessHover.describe(ctx, p));
        }
        ExitCauses.append(md, ctx);
        return new Hover(span.start(), span.end(), md.toString());
    }
}
