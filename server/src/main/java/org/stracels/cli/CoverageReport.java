package org.stracels.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.stracels.hover.DocCoverage;

/** {@code stats --coverage}: how many of a trace's tokens the hover documents. */
final class CoverageReport {
    private CoverageReport() {
    }

    static String toText(Map<DocCoverage.TokenKind, DocCoverage.Count> coverage) {
        StringBuilder b = new StringBuilder("\ndocumentation coverage (tokens with a hover text):\n");
        TextTable table = new TextTable("kind", "tokens", "documented", "share", "undocumented");
        coverage.forEach((kind, c) -> table.row(kind.name().toLowerCase(Locale.ROOT), c.tokens(), c.documented(),
                percent(c.share()), String.join(" ", c.undocumented())));
        table.appendTo(b);
        return b.toString();
    }

    static JsonObject toJson(Map<DocCoverage.TokenKind, DocCoverage.Count> coverage) {
        JsonObject o = new JsonObject();
        coverage.forEach((kind, c) -> {
            JsonObject k = new JsonObject();
            k.addProperty("tokens", c.tokens());
            k.addProperty("documented", c.documented());
            k.addProperty("share", c.share());
            JsonArray missing = new JsonArray();
            c.undocumented().forEach(missing::add);
            k.add("undocumented", missing);
            o.add(kind.name().toLowerCase(Locale.ROOT), k);
        });
        return o;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
