package org.stracels.lsp;

import java.net.URI;
import java.net.URISyntaxException;
import org.stracels.stream.TraceInput;
import org.stracels.stream.TraceInputException;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;

/**
 * The trace a command names by URI: the open document with that URI (its current text), else the file a
 * {@code file:} URI names, read from disk window by window, whatever its size.
 */
final class TraceSources {
    private final Documents documents;

    TraceSources(Documents documents) {
        this.documents = documents;
    }

    /** The source, and whether it is a file on disk (long jobs show progress). */
    record Found(TraceSource source, boolean onDisk, long size) { }

    Found of(String uri) throws TraceInputException {
        if (uri == null || uri.isBlank()) {
            throw new TraceInputException("no uri: say which trace");
        }
        var open = documents.get(uri);
        if (open.isPresent()) {
            return new Found(new Named(TraceSource.of(open.get().trace()), name(uri)), false, open.get().text().length());
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new TraceInputException(uri + ": not a valid URI");
        }
        TraceInput input = TraceInput.open(parsed);
        return new Found(TraceSource.of(input, WindowScanner.Options.DEFAULT), true, input.size());
    }

    private static String name(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 && slash < uri.length() - 1 ? java.net.URLDecoder.decode(uri.substring(slash + 1),
                java.nio.charset.StandardCharsets.UTF_8) : uri;
    }

    /** A source under the name a user knows it by. */
    private static final class Named extends TraceSource {
        private final TraceSource inner;
        private final String name;

        Named(TraceSource inner, String name) {
            this.inner = inner;
            this.name = name;
        }

        @Override
        public WindowScanner.Result scan(org.stracels.parse.CancelCheck cancel, WindowScanner.Progress progress,
                WindowScanner.Consumer consumer) throws Exception {
            return inner.scan(cancel, progress, consumer);
        }

        @Override
        public void lines(java.util.BitSet chosen, org.stracels.parse.CancelCheck cancel, LineSink sink)
                throws TraceInputException {
            inner.lines(chosen, cancel, sink);
        }

        @Override
        public String name() {
            return name;
        }
    }
}
