package org.stracels.hover;

import org.stracels.catalog.Catalog;
import org.stracels.catalog.ErrnoDoc;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;

/** An errno after {@code = -1} or {@code = ?}: its number, meaning and usual causes for this call. */
final class ErrnoHover {
    private ErrnoHover() {
    }

    static Hover hover(HoverContext ctx) {
        ParsedLine line = ctx.line();
        String name = line.errno();
        Md md = new Md();
        ErrnoDoc doc = Catalog.get().errno(name);
        md.heading(name + (doc != null && doc.number() >= 0 ? " (" + doc.number() + ")" : ""));
        if (doc != null) {
            md.para("*" + doc.message() + "*");
            md.para(doc.meaning());
            if (Injection.injected(ctx.text(), line)) {
                md.fact("Here", Injection.failureNote(name));
                String cause = doc.causeFor(ctx.syscall());
                if (cause != null) {
                    md.fact("When the kernel returns it from " + ctx.syscall(), cause);
                }
            } else {
                String cause = doc.causeFor(ctx.syscall());
                if (cause != null) {
                    md.fact("From " + ctx.syscall(), cause);
                }
            }
        } else {
            md.para("An errno strace-ls has no description for.");
        }
        if (line.returnKind() == ReturnKind.RESTART) {
            md.para("The program never sees this value. " + Injection.restartText(name));
        }
        return new Hover(line.errnoSpan().start(), line.errnoSpan().end(), md.toString());
    }
}
