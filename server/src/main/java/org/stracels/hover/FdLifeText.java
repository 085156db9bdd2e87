package org.stracels.hover;

import org.stracels.analysis.FdModel;
import org.stracels.analysis.ProcessInfo;

/** What the fd model knows of the fd shown at an offset: who made it, whether it is a copy, how it ended. */
final class FdLifeText {
    private FdLifeText() {
    }

    /**
     * Sentences about the fd whose number starts at {@code offset}; null when the model has no fd there (a
     * number that was not open, such as the fd of a call that failed with EBADF).
     *
     * @param named whether the caller already showed the fd's path (a -y decoration)
     */
    static String describe(HoverContext ctx, int offset, boolean named) {
        FdModel fds = ctx.trace().fds();
        int use = fds.useAt(offset);
        if (use < 0) {
            return null;
        }
        FdModel.FdInstance fd = fds.instanceOfUse(use);
        FdModel.FdLife life = fds.lifeOfUse(use);
        StringBuilder b = new StringBuilder();
        String name = fd.name(ctx.text());
        switch (fd.origin()) {
            case CREATED -> {
                b.append(fd.offset() == offset ? "Made here by " : "Made by ").append(Md.tick(fd.creator()));
                if (fd.offset() != offset) {
                    b.append(" on ").append(HoverContext.lineRef(fd.line()));
                }
                b.append(otherProcess(ctx, maker(ctx, fd)));
                if (name != null && !named) {
                    b.append(" for ").append(Md.tick(name));
                }
                b.append('.');
                if (fd.dupOf() >= 0) {
                    FdModel.FdInstance original = fds.instance(fd.dupOf());
                    b.append(" A copy of fd ").append(original.fd()).append(original.origin() == FdModel.Origin.CREATED
                            ? " made by " + Md.tick(original.creator()) + " on " + HoverContext.lineRef(original.line())
                            : ", open before the trace began").append('.');
                }
            }
            case INHERITED -> b.append(fd.fd() == 0 ? "Standard input, i" : fd.fd() == 1 ? "Standard output, i"
                    : fd.fd() == 2 ? "Standard error, i" : "I").append("nherited: it predates the trace, open before ")
                    .append(HoverContext.lineRef(fd.line())).append(", the first line of the process that had it.");
            case INFERRED -> b.append("First seen on ").append(HoverContext.lineRef(fd.line()))
                    .append(", where a decoration showed it; the call that made it is not in this trace.");
        }
        b.append(' ').append(ending(life));
        return b.toString();
    }

    /** The process or thread whose line made the fd (the thread, not its table's owner), else the model's maker. */
    private static int maker(HoverContext ctx, FdModel.FdInstance fd) {
        int byLine = fd.line() >= 0 ? ctx.trace().model().processOf(fd.line()) : -1;
        return byLine >= 0 ? byLine : fd.processId();
    }

    /**
     * " in pid N" (" in thread N of pid M") when the fd was made by another process or thread than the one on the
     * cursor's line (a fork's parent, another thread).
     */
    private static String otherProcess(HoverContext ctx, int maker) {
        if (maker < 0 || maker == ctx.trace().model().processOf(ctx.lineIndex())) {
            return "";
        }
        ProcessInfo p = ctx.trace().model().process(maker);
        if (p.pid() <= 0) {
            return " in another process";
        }
        if (p.isThread() && p.parentId() >= 0) {
            ProcessInfo leader = ctx.trace().model().process(p.parentId());
            for (int hops = 0; leader.isThread() && leader.parentId() >= 0 && hops < 64; hops++) {
                leader = ctx.trace().model().process(leader.parentId()); // a thread another thread created
            }
            return " in thread " + p.pid() + " of pid " + leader.pid();
        }
        return " in pid " + p.pid();
    }

    private static String ending(FdModel.FdLife life) {
        String at = life.endLine() >= 0 ? HoverContext.lineRef(life.endLine()) : "";
        return switch (life.end()) {
            case OPEN -> "Still open when the trace ends.";
            case CLOSED -> "Closed on " + at + ".";
            case REPLACED_BY_DUP -> "Replaced on " + at + " by a dup2/dup3 onto its number.";
            case CLOSE_ON_EXEC -> "Closed by execve on " + at + " (close-on-exec).";
            case EXIT -> "Open until the process ended (" + at + ").";
            case REPLACED_UNSEEN -> "Gone by " + at + ", where the number stands for another file.";
        };
    }
}
