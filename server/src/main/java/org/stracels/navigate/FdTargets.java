package org.stracels.navigate;

import java.util.ArrayList;
import java.util.List;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Definition, references and highlights of an fd, from the fd model. */
final class FdTargets {
    private FdTargets() {
    }

    /** The call that made the instance; for a dup, then the call that made the original. */
    static List<Place> definition(Trace trace, int use, CancelCheck cancel) {
        FdModel fds = trace.fds(cancel);
        FdModel.FdInstance instance = fds.instanceOfUse(use);
        List<Place> places = new ArrayList<>(2);
        places.add(made(trace, instance));
        if (instance.dupOf() >= 0) {
            places.add(made(trace, fds.instance(instance.dupOf())));
        }
        return places;
    }

    /** Where an instance was made: the fd number there, or the first line of the process it was inherited by. */
    static Place made(Trace trace, FdModel.FdInstance instance) {
        if (instance.offset() >= 0) {
            return Cursor.number(trace.text(), instance.offset());
        }
        return Cursor.line(trace, instance.line());
    }

    /** Every place the instance shows, in every table that held it; without its making unless asked. */
    static List<Place> references(Trace trace, int use, boolean includeDeclaration, CancelCheck cancel) {
        FdModel fds = trace.fds(cancel);
        FdModel.FdInstance instance = fds.instanceOfUse(use);
        int[] uses = fds.usesOf(instance.id());
        List<Place> places = new ArrayList<>(uses.length);
        for (int u : uses) {
            int offset = fds.useOffset(u);
            if (includeDeclaration || offset != instance.offset()) {
                places.add(Cursor.number(trace.text(), offset));
            }
        }
        return places;
    }

    static List<Highlight> highlights(Trace trace, int use, CancelCheck cancel) {
        FdModel fds = trace.fds(cancel);
        FdModel.FdInstance instance = fds.instanceOfUse(use);
        int[] uses = fds.usesOf(instance.id());
        List<Highlight> highlights = new ArrayList<>(uses.length);
        for (int u : uses) {
            Place p = Cursor.number(trace.text(), fds.useOffset(u));
            highlights.add(new Highlight(p.start(), p.end(), fds.useOffset(u) == instance.offset()));
        }
        return highlights;
    }
}
