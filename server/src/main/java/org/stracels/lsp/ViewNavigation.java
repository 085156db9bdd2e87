package org.stracels.lsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.Location;
import org.stracels.navigate.Place;
import org.stracels.parse.ParsedTrace;

/**
 * Definition and references in a view whose original is open: asked of the original at the same place (a view's
 * lines are the original's, verbatim), so that what they find is right even when it is not in the view; each place
 * found is then shown in the view when its line is there, else in the original at its own line.
 */
final class ViewNavigation {
    private final Documents documents;
    private final ViewDocuments views;
    private final PlaceLocations locations;

    ViewNavigation(Documents documents, ViewDocuments views, PlaceLocations locations) {
        this.documents = documents;
        this.views = views;
        this.locations = locations;
    }

    /**
     * The locations {@code find} gives on the original of view {@code doc} at {@code offset}, or null when
     * {@code doc} is not a view or its original is not open (then the request runs on the view itself).
     */
    List<Location> inOriginal(OpenDocument doc, int offset, Function<OpenDocument, Function<Integer, List<Place>>> find) {
        ViewDocuments.Origin origin = views.of(doc);
        if (origin == null) {
            return null;
        }
        OpenDocument original = documents.get(origin.uri()).orElse(null);
        if (original == null) {
            return null;
        }
        ParsedTrace view = doc.trace().parsed();
        ParsedTrace orig = original.trace().parsed();
        int line = view.lineAt(offset);
        if (line >= origin.lines().length || origin.lines()[line] >= orig.lineCount()) {
            return null;
        }
        int[] lines = origin.lines();
        int at = orig.lineStart(lines[line]) + (offset - view.lineStart(line));
        List<Place> places = find.apply(original).apply(at);
        List<Location> found = new ArrayList<>(places.size());
        List<Place> elsewhere = new ArrayList<>();
        for (Place p : places) {
            int target = p.file() == null ? orig.lineAt(p.start()) : -1;
            int inView = target < 0 ? -1 : Arrays.binarySearch(lines, target);
            if (inView >= 0) {
                int shift = view.lineStart(inView) - orig.lineStart(target);
                found.add(new Location(doc.uri(), doc.positions().range(p.start() + shift, p.end() + shift)));
            } else {
                elsewhere.add(p);
            }
        }
        found.addAll(locations.of(original, elsewhere));
        return found;
    }
}
