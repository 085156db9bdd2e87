package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.stracels.navigate.Place;

/** Turns navigation places into LSP locations: in the document asked about (UTF-16 ranges via its positions). */
final class PlaceLocations {
    List<Location> of(OpenDocument doc, List<Place> places) {
        List<Location> locations = new ArrayList<>(places.size());
        for (Place p : places) {
            if (p.file() == null) {
                locations.add(new Location(doc.uri(), doc.positions().range(p.start(), p.end())));
            }
        }
        return locations;
    }
}
