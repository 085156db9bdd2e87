package org.stracels.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.stracels.analysis.Trace;
import org.stracels.navigate.Place;

/**
 * Turns navigation places into LSP locations: UTF-16 ranges through the positions of the document asked
 * about, or of the -ff sibling file a place is in.
 */
final class PlaceLocations {
    private final FfFiles ff;

    PlaceLocations(FfFiles ff) {
        this.ff = ff;
    }

    List<Location> of(OpenDocument doc, List<Place> places) {
        List<Location> locations = new ArrayList<>(places.size());
        for (Place p : places) {
            if (p.file() == null) {
                locations.add(new Location(doc.uri(), doc.positions().range(p.start(), p.end())));
                continue;
            }
            String uri = FfFiles.siblingUri(doc.uri(), p.file());
            Trace other = uri == null ? null : ff.trace(Path.of(java.net.URI.create(uri)));
            if (other != null) {
                locations.add(new Location(uri, Positions.of(other.text()).range(p.start(), p.end())));
            }
        }
        return locations;
    }
}
