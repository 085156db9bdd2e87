package org.stracels.hover;

import java.util.List;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.RawValues;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;

/** An argument: which parameter it is, and what its value means. */
final class ArgumentHover {
    private ArgumentHover() {
    }

    static Hover hover(HoverContext ctx) {
        ParsedLine line = ctx.line();
        ArgList args = ArgParser.parse(ctx.text(), line.argsSpan());
        List<ArgNode> path = args.pathAt(ctx.offset());
        if (path.isEmpty()) {
            return null;
        }
        ArgNode top = path.get(0);
        ArgNode leaf = path.get(path.size() - 1);
        if (path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.FD) {
            path = path.subList(0, path.size() - 1); // the number of 3</path>: explain the whole fd
            leaf = path.get(path.size() - 1);
        }
        SyscallDoc doc = Catalog.get().syscall(ctx.syscall());
        SyscallDoc.ParamDoc param = param(ctx, args, top, doc);
        Md md = new Md();
        if (param != null) {
            md.para("**" + param.name() + "** " + Md.tick(param.type()) + " — " + param.doc());
        }
        ArgNode field = innermostField(path);
        if (field != null && field.nameSpan().contains(ctx.offset())) {
            String fieldDoc = Catalog.get().field(field.name());
            md.para("Field " + Md.tick(field.name()) + (fieldDoc != null ? ": " + fieldDoc : " of the structure strace decoded."));
            return new Hover(field.nameSpan().start(), field.nameSpan().end(), md.toString());
        }
        ArgNode target = leaf;
        String value = explain(ctx, path, leaf, param, field);
        if (value == null && path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.FLAGS) {
            target = path.get(path.size() - 2);
            value = ValueExplainer.flags(target, field != null ? field.name() : null);
        }
        md.para(value);
        if (md.isEmpty()) {
            return null;
        }
        return new Hover(target.start(), target.end(), md.toString());
    }

    /** The parameter an argument stands for: by name for {@code name=value}, else by position. */
    private static SyscallDoc.ParamDoc param(HoverContext ctx, ArgList args, ArgNode top, SyscallDoc doc) {
        if (doc == null) {
            return null;
        }
        if (top.kind() == ArgKind.FIELD && doc.param(top.name()) != null) {
            return doc.param(top.name());
        }
        int index = args.indexAt(ctx.offset());
        if (ctx.line().kind() == LineKind.RESUMED) {
            int start = ctx.trace().model().partner(ctx.lineIndex());
            if (start < 0) {
                return null;
            }
            ArgList before = ArgParser.parse(ctx.text(), ctx.trace().parsed().line(start).argsSpan());
            boolean continues = !before.trailingSeparator() && !args.leadingSeparator() && !before.isEmpty();
            index += before.size() - (continues ? 1 : 0);
        }
        return doc.param(index);
    }

    private static ArgNode innermostField(List<ArgNode> path) {
        ArgNode field = null;
        for (ArgNode n : path) {
            if (n.kind() == ArgKind.FIELD) {
                field = n;
            }
        }
        return field;
    }

    private static String explain(HoverContext ctx, List<ArgNode> path, ArgNode leaf, SyscallDoc.ParamDoc param,
            ArgNode field) {
        String name = field != null ? field.name() : param != null ? param.name() : "";
        boolean inSet = path.stream().anyMatch(n -> n.kind() == ArgKind.BITSET);
        switch (leaf.kind()) {
            case SYMBOL -> {
                return ValueExplainer.symbol(leaf.text(), inSet);
            }
            case FLAGS -> {
                return ValueExplainer.flags(leaf, name);
            }
            case NUMBER -> {
                return number(ctx, path, leaf, name);
            }
            case FD -> {
                return fd(ctx, leaf);
            }
            case STRING -> {
                return string(leaf, name);
            }
            case BITSET -> {
                return leaf.complemented()
                        ? "A signal set written as its complement: every signal except the ones listed."
                        : leaf.children().isEmpty() ? "An empty signal set." : "A set of " + leaf.children().size() + " members.";
            }
            case COMMENT -> {
                return comment(leaf);
            }
            case CALL -> {
                return call(leaf);
            }
            case ELLIPSIS -> {
                return "strace abbreviated here: more elements or fields exist (`-v` shows whole structures, `-s N` longer strings).";
            }
            case UNAVAILABLE -> {
                return "strace could not read this value from the process's memory.";
            }
            case RESUMING -> {
                return "`restart_syscall` continues the call a signal interrupted: " + Md.tick(leaf.name())
                        + ". The kernel restarts it with the time already spent taken into account.";
            }
            case IN_OUT -> {
                return "A value the call both reads and writes: before `=>` what went in, after it what came back.";
            }
            case EXPRESSION -> {
                return ValueExplainer.expression(leaf);
            }
            default -> {
                return null;
            }
        }
    }

    private static String number(HoverContext ctx, List<ArgNode> path, ArgNode leaf, String name) {
        String text = leaf.text();
        if (path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.FLAGS) {
            return null; // the set explains its members
        }
        if (name.equals("nla_type") && leaf.numericValue().isPresent()) {
            ArgNode comment = path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.COMMENTED
                    ? path.get(path.size() - 2).comment() : null;
            return ValueExplainer.attributeType(text, comment != null ? comment.content() : null);
        }
        String raw = rawNames(ctx, name, leaf);
        if (raw != null) {
            return raw;
        }
        if ((isFdParam(name) || ctx.trace().fds().useAt(leaf.start()) >= 0) && leaf.numericValue().isPresent()) {
            long fd = leaf.numericValue().getAsLong();
            return fd >= 0 ? fdText(ctx, (int) fd, null, leaf.start())
                    : fd == -100 ? "`AT_FDCWD` (-100): relative paths start at the current directory."
                    : "No descriptor (" + fd + ").";
        }
        if ((name.equals("pid") || name.equals("si_pid") || name.equals("tgid") || name.equals("tid"))
                && leaf.numericValue().isPresent() && leaf.numericValue().getAsLong() > 0) {
            var p = ProcessHover.findByPid(ctx, (int) leaf.numericValue().getAsLong(), ctx.lineIndex());
            return p != null ? ProcessHover.describe(ctx, p) : "A pid that does not appear in this trace.";
        }
        if (path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.COMMENTED) {
            ArgNode comment = path.get(path.size() - 2).comment();
            if (comment != null) {
                return comment(comment); // -X verbose: 0x3 /* PROT_READ|PROT_WRITE */
            }
        }
        if (text.length() > 1 && text.startsWith("0") && !text.startsWith("0x")) {
            return ValueExplainer.modeText(text);
        }
        if (ValueExplainer.sizeParams().contains(name) && leaf.numericValue().isPresent()) {
            return ValueExplainer.size(leaf.numericValue().getAsLong());
        }
        if (text.startsWith("0x") && text.length() > 8) {
            return "An address in the process's memory.";
        }
        return null;
    }

    /** {@code -X raw}: the names a bare number stands for, each explained. */
    private static String rawNames(HoverContext ctx, String param, ArgNode leaf) {
        if (leaf.numericValue().isEmpty() || !ctx.trace().model().options().xForm().equals("raw")) {
            return null;
        }
        long value = leaf.numericValue().getAsLong();
        String names = param.endsWith("dirfd") && value == -100 ? "AT_FDCWD"
                : RawValues.get().names(ctx.syscall(), param, value);
        if (names == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Md.tick(leaf.text()) + " stands for " + Md.tick(names) + " (`-X raw` prints numbers):\n");
        for (String word : names.split("\\|")) {
            String s = ValueExplainer.symbol(word, false);
            b.append("- ").append(s != null ? s : Md.tick(word)).append('\n');
        }
        return b.toString();
    }

    private static boolean isFdParam(String name) {
        return name.equals("fd") || name.equals("dirfd") || name.equals("olddirfd") || name.equals("newdirfd")
                || name.equals("oldfd") || name.equals("newfd") || name.equals("sockfd") || name.equals("epfd")
                || name.equals("fd_in") || name.equals("fd_out") || name.equals("out_fd") || name.equals("in_fd")
                || name.equals("si_fd") || name.equals("pidfd");
    }

    private static String fd(HoverContext ctx, ArgNode leaf) {
        if (leaf.fdNumber().isEmpty()) {
            return "The current working directory (`AT_FDCWD`): " + Md.tick(leaf.decoded()) + ".";
        }
        return fdText(ctx, (int) leaf.fdNumber().getAsLong(), leaf.decoded() + (leaf.deleted() ? " (deleted)" : ""),
                leaf.value().start());
    }

    /** The fd whose number starts at {@code offset}: its path, and its life from the fd model. */
    private static String fdText(HoverContext ctx, int fd, String decoration, int offset) {
        StringBuilder b = new StringBuilder("fd ").append(fd);
        if (decoration != null) {
            b.append(" → ").append(Md.tick(decoration));
        }
        b.append(". ");
        String life = FdLifeText.describe(ctx, offset, decoration != null);
        if (life != null) {
            b.append(life);
        } else if (ctx.line().failed() && "EBADF".equals(ctx.line().errno())) {
            b.append("Not an open fd here: the call failed with `EBADF`.");
        }
        return b.toString();
    }

    private static String string(ArgNode leaf, String name) {
        String decoded = leaf.decoded();
        StringBuilder b = new StringBuilder();
        b.append(decoded.length()).append(decoded.length() == 1 ? " byte" : " bytes");
        if (leaf.truncated()) {
            b.append(" shown, cut by strace's string limit (`-s`, 32 by default): the real data is longer");
        }
        b.append('.');
        if (!decoded.equals(leaf.content()) && decoded.length() <= 200) {
            b.append(" Decoded: ").append(Md.tick(printable(decoded)));
        }
        return b.toString();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '·' : c);
        }
        return b.toString();
    }

    private static String comment(ArgNode comment) {
        String c = comment.content();
        if (c.matches("\\d+ vars?")) {
            return "The environment passed to the new program has " + c + "; strace leaves them out (`-v` prints them).";
        }
        if (c.matches("\\d+ entr(y|ies)")) {
            return "The directory read returned " + c + "; strace does not list them unless `-v`.";
        }
        if (c.matches("[A-Z][A-Z0-9_|]*")) {
            StringBuilder b = new StringBuilder("The names of the number (`-X verbose`):\n");
            for (String word : c.split("\\|")) {
                String s = Character.isDigit(word.charAt(0)) ? Md.tick(word) + ": " + ValueExplainer.modeText(word)
                        : ValueExplainer.symbol(word, false);
                b.append("- ").append(s != null ? s : Md.tick(word)).append('\n');
            }
            return b.toString();
        }
        if (c.endsWith("_???")) {
            return "strace 6.1 has no name for this value in its " + Md.tick(c.substring(0, c.length() - 3) + "*")
                    + " table: the kernel that answered knows more values than this strace (or the value is not one"
                    + " the kernel defines).";
        }
        if (c.contains("PID NS")) {
            return "The same pid as strace's pid namespace sees it.";
        }
        return "A note strace added: " + Md.tick(c) + ".";
    }

    private static String call(ArgNode call) {
        return switch (call.name()) {
            case "makedev" -> "A device number: major and minor (" + call.text() + ").";
            case "htons", "htonl" -> "A number in network byte order; strace shows the host value inside.";
            case "inet_addr", "inet_pton" -> "An IP address, as strace decoded it from the socket address.";
            case "WIFEXITED", "WEXITSTATUS", "WIFSIGNALED", "WTERMSIG", "WCOREDUMP", "WIFSTOPPED", "WSTOPSIG" ->
                    ValueExplainer.symbol(call.name(), false);
            default -> null;
        };
    }
}
