package org.stracels.analysis;

import java.util.Set;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/**
 * What a finished call does to its process's fd table: new fds (a returned fd, the array of pipe and
 * socketpair, fds received with SCM_RIGHTS), dups, closes, close_range, close-on-exec changes and the
 * closing of close-on-exec fds by execve.
 */
final class FdEffects {
    private static final Set<String> WITH_EFFECT = Set.of("close", "close_range", "execve", "execveat", "recvmsg",
            "recvmmsg", "sendmsg", "sendmmsg", "fcntl", "fcntl64", "ioctl");
    private static final Set<String> NAMED_BY_PATH = Set.of("open", "openat", "openat2", "creat", "memfd_create",
            "mq_open", "open_tree", "fsopen");

    private final FdModelBuilder builder;
    private final FdTables tables;

    FdEffects(FdModelBuilder builder, FdTables tables) {
        this.builder = builder;
        this.tables = tables;
    }

    static boolean hasEffect(String name) {
        return WITH_EFFECT.contains(name);
    }

    /**
     * close: the number is free from the call's entry on (another thread may get it before the close's
     * result is printed). Linux frees it even when close fails (EINTR, EIO); only EBADF means it was not open.
     */
    void close(Call c, int t, boolean ebadf) {
        long fd = FdCalls.number(c.arg(0));
        if (!ebadf && fd >= 0 && fd < Integer.MAX_VALUE) {
            tables.end(t, (int) fd, c.line(), FdModel.End.CLOSED);
        }
    }

    /** The effects seen at the result of a call (close's is at its entry: {@link #close}). */
    void apply(Call c, int t) {
        ParsedLine result = c.result();
        ReturnKind kind = result.returnKind();
        String name = c.name();
        if (kind != ReturnKind.VALUE) {
            return;
        }
        long value = FdCalls.parse(builder.text(), result.returnValueSpan());
        switch (name) {
            case "close_range" -> {
                long last = FdCalls.number(c.arg(1));
                tables.range(t, FdCalls.number(c.arg(0)), last < 0 ? Integer.MAX_VALUE : last, c.line(),
                        FdCalls.command(c.arg(2)).contains("CLOSE_RANGE_CLOEXEC"));
            }
            case "execve", "execveat" -> {
                if (value == 0) {
                    tables.exec(t, c.line());
                }
            }
            case "fcntl", "fcntl64" -> {
                if (FdCalls.command(c.arg(1)).equals("F_SETFD")) {
                    ArgNode flag = c.arg(2);
                    tables.setCloexec(t, (int) FdCalls.number(c.arg(0)),
                            FdCalls.command(flag).contains("FD_CLOEXEC") || (FdCalls.number(flag) & 1) == 1);
                }
            }
            case "ioctl" -> {
                String request = FdCalls.command(c.arg(1));
                if (request.equals("FIOCLEX") || request.equals("FIONCLEX")) {
                    tables.setCloexec(t, (int) FdCalls.number(c.arg(0)), request.equals("FIOCLEX"));
                }
            }
            default -> {
            }
        }
        int array = FdCalls.arrayCreatorArg(name);
        if (array >= 0) {
            createAll(c, t, c.arg(array));
        }
        if (c.receivesFds()) {
            for (ArgNode arg : c.all()) {
                received(c, t, arg);
            }
        }
        Span decoration = result.returnDecorationSpan();
        boolean decorated = decoration.isPresent() && builder.text().charAt(decoration.start()) == '<';
        if (value >= 0 && value < Integer.MAX_VALUE && (FdCalls.returnsFd(name, c::arg) || decorated)) {
            returned(c, t, (int) value, decorated ? decoration : Span.NONE);
        }
    }

    /** A call returned fd {@code fd}: a new instance (a dup of its first argument for the dup family). */
    private void returned(Call c, int t, int fd, Span decoration) {
        String name = c.name();
        int offset = c.result().returnValueSpan().start();
        int ds = -1;
        int de = -1;
        if (decoration.isPresent()) {
            // <path>, or <path>(deleted): the name is inside the outer brackets
            String d = builder.text().substring(decoration.start(), decoration.end());
            int close = d.endsWith("(deleted)") ? d.length() - "(deleted)".length() : d.length();
            ds = decoration.start() + 1;
            de = decoration.start() + Math.max(1, close - 1);
        }
        boolean isDup = FdCalls.isDup(name);
        boolean sameFd = (name.equals("dup2") || name.equals("dup3")) && FdCalls.number(c.arg(0)) == fd;
        if (sameFd || ((name.equals("signalfd") || name.equals("signalfd4")) && FdCalls.number(c.arg(0)) == fd)) {
            builder.use(t, fd, offset, ds, de, c.line(), true); // the same fd comes back: no new one
            return;
        }
        int dupOf = -1;
        if (isDup) {
            long old = FdCalls.number(c.arg(0));
            int oldLife = old >= 0 && old < Integer.MAX_VALUE ? tables.get(t, (int) old) : -1;
            dupOf = oldLife >= 0 ? tables.records().lifeInstance(oldLife) : -1;
        }
        tables.end(t, fd, c.line(), name.equals("dup2") || name.equals("dup3")
                ? FdModel.End.REPLACED_BY_DUP : FdModel.End.REPLACED_UNSEEN);
        if (ds < 0 && dupOf >= 0) {
            ds = tables.records().instNameStart(dupOf);
            de = tables.records().instNameEnd(dupOf);
        } else if (ds < 0 && NAMED_BY_PATH.contains(name)) {
            ArgNode path = firstString(c);
            if (path != null) {
                ds = path.contentSpan().start();
                de = path.contentSpan().end();
            }
        }
        int life = tables.create(t, fd, c.line(), offset, c.nameId(), FdModel.Origin.CREATED, dupOf,
                FdCalls.cloexec(name, c.all()), ds, de);
        builder.created(life, offset);
    }

    /** The elements of a pipe or socketpair array: each a new fd. */
    private void createAll(Call c, int t, ArgNode array) {
        if (array == null || array.kind() != ArgKind.ARRAY) {
            return;
        }
        boolean cloexec = FdCalls.cloexec(c.name(), c.all());
        for (ArgNode element : array.children()) {
            ArgNode number = FdCalls.numberNode(element);
            long fd = FdCalls.number(element);
            if (number == null || fd < 0 || fd >= Integer.MAX_VALUE) {
                continue;
            }
            Span d = element.decorationSpan();
            int life = tables.create(t, (int) fd, c.line(), number.start(), c.nameId(), FdModel.Origin.CREATED, -1,
                    cloexec, d.start(), d.end());
            builder.created(life, number.start());
        }
    }

    /** {@code {cmsg_type=SCM_RIGHTS, cmsg_data=[5]}} anywhere in a received message: new fds. */
    private void received(Call c, int t, ArgNode node) {
        if (node == null) {
            return;
        }
        if (node.kind() == ArgKind.STRUCT) {
            ArgNode data = null;
            boolean rights = false;
            for (ArgNode field : node.children()) {
                if (field.kind() == ArgKind.FIELD && "cmsg_type".equals(field.name())) {
                    rights = FdCalls.command(field).equals("SCM_RIGHTS");
                } else if (field.kind() == ArgKind.FIELD && "cmsg_data".equals(field.name())) {
                    data = field.value();
                }
            }
            if (rights && data != null) {
                createAll(c, t, data);
                return;
            }
        }
        for (ArgNode child : node.children()) {
            received(c, t, child);
        }
    }

    private static ArgNode firstString(Call c) {
        for (ArgNode arg : c.all()) {
            if (arg.kind() == ArgKind.STRING) {
                return arg;
            }
        }
        return null;
    }
}
