package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Navigation between the files of an -ff trace: from a clone's result to the first line of the child's
 * file; from an fd a process inherited (used before its file shows it made) to the call that made it in the
 * parent's file, as the parent held it when the clone returned.
 */
final class CrossFile {
    private static final int MAX_DEPTH = 64;

    private CrossFile() {
    }

    /** The first line of the child's own file, when the child has no line in this one. */
    static List<Place> child(Trace trace, int processId, Siblings siblings) {
        ProcessInfo child = trace.model().process(processId);
        if (child.firstLine() >= 0 || child.pid() <= 0) {
            return List.of();
        }
        Siblings.Sibling file = siblings.ofPid(child.pid());
        if (file == null) {
            return List.of();
        }
        Trace other = file.trace().get();
        if (other == null || other.parsed().lineCount() == 0) {
            return List.of();
        }
        return List.of(new Place(other.parsed().lineStart(0), other.parsed().lineEnd(0), file.name()));
    }

    /** An inherited fd of this file's process: where its parent's file shows it made; empty if not found. */
    static List<Place> inheritedFd(Trace trace, int use, Siblings siblings, CancelCheck cancel) {
        FdModel.FdInstance fd = trace.fds(cancel).instanceOfUse(use);
        if (fd.origin() != FdModel.Origin.INHERITED || siblings.files().isEmpty()) {
            return List.of();
        }
        int pid = siblings.pid();
        for (int depth = 0; depth < MAX_DEPTH && pid > 0; depth++) {
            Parent parent = parentOf(pid, siblings);
            if (parent == null) {
                return List.of();
            }
            FdModel fds = parent.trace.fds(cancel);
            int instance = fds.instanceAt(parent.processId, fd.fd(), parent.line);
            if (instance < 0) {
                return List.of();
            }
            FdModel.FdInstance made = fds.instance(instance);
            if (made.origin() != FdModel.Origin.INHERITED) {
                Place at = FdTargets.made(parent.trace, made);
                return List.of(new Place(at.start(), at.end(), parent.file.name()));
            }
            pid = parent.file.pid(); // inherited there too: one more generation up
        }
        return List.of();
    }

    /** The file (of the siblings) whose clone made {@code pid}, that process, and the clone's line. */
    private record Parent(Siblings.Sibling file, Trace trace, int processId, int line) { }

    private static Parent parentOf(int pid, Siblings siblings) {
        for (Siblings.Sibling s : siblings.files()) {
            Trace t = s.trace().get();
            if (t == null) {
                continue;
            }
            for (ProcessInfo p : t.model().processes()) {
                if (p.pid() == pid && p.createdAtLine() >= 0 && p.parentId() >= 0) {
                    return new Parent(s, t, p.parentId(), p.createdAtLine());
                }
            }
        }
        return null;
    }
}
