package org.stracels.lsp;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Messages too big for this server's memory (a didOpen of a trace of hundreds of MB on a small heap): the frame
 * reader passes over them without reading them whole, and this tells the user what was left out and what to do
 * instead, from the message's first characters: a document that was not opened gets one warning at its top
 * (the summary and views read the file from disk at any size), and a notification says the same once per document.
 */
final class OversizedMessages {
    private static final Logger LOG = Logger.getLogger(OversizedMessages.class.getName());

    /**
     * What the first characters of a message say it is, read as JSON tokens up to where they stop (the rest of the
     * message was never read): its top-level method and id, and the uri of its {@code params.textDocument}; null
     * where they do not say.
     */
    record Head(String method, Object id, String uri) {
        static Head of(String head) {
            String method = null;
            Object id = null;
            String uri = null;
            try (JsonReader reader = new JsonReader(new StringReader(head))) {
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    JsonToken token = reader.peek();
                    if (name.equals("method") && token == JsonToken.STRING) {
                        method = reader.nextString();
                    } else if (name.equals("id") && (token == JsonToken.NUMBER || token == JsonToken.STRING)) {
                        id = FrameBody.id(reader, token);
                    } else if (name.equals("params") && token == JsonToken.BEGIN_OBJECT) {
                        uri = documentUri(reader);
                        if (uri != null) {
                            break; // the document's text follows, cut: clients send method and id before params
                        }
                    } else {
                        reader.skipValue();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the head ends here: what was read before is what it says
            }
            return new Head(method, id, uri);
        }

        /** {@code params.textDocument.uri}: read up to it, or to the end of {@code params} without one. */
        private static String documentUri(JsonReader reader) throws IOException {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("textDocument") && reader.peek() == JsonToken.BEGIN_OBJECT) {
                    reader.beginObject();
                    while (reader.hasNext()) {
                        if (reader.nextName().equals("uri") && reader.peek() == JsonToken.STRING) {
                            return reader.nextString();
                        }
                        reader.skipValue();
                    }
                    reader.endObject();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return null;
        }
    }

    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    /** A message of {@code length} bytes, more than {@code limit}, was passed over; {@code head} is its start. */
    void refused(String head, long length, long limit) {
        Head h = Head.of(head);
        String size = megabytes(length);
        LOG.warning("a message of " + size + (h.method() == null ? "" : " (" + h.method() + ")")
                + " was passed over: more than the " + megabytes(limit) + " this server's memory accepts");
        boolean document = "textDocument/didOpen".equals(h.method()) || "textDocument/didChange".equals(h.method());
        LanguageClient c = client;
        if (!document || h.uri() == null || c == null) {
            return;
        }
        String text = "This trace (" + size + ") is more than the language server's memory can hold as an open "
                + "document (it takes messages up to " + megabytes(limit) + " with a heap of "
                + megabytes(Runtime.getRuntime().maxMemory()) + "), so nothing in it is analysed. The summary and the "
                + "views of a trace (commands strace.summary and strace.view, or `strace-ls summary FILE` and "
                + "`strace-ls view … FILE` in a terminal) read it from disk at any size; a bigger heap (-Xmx) lets the "
                + "server open it whole.";
        Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)), text,
                DiagnosticSeverity.Warning, "strace", "trace-too-big");
        c.publishDiagnostics(new PublishDiagnosticsParams(h.uri(), List.of(d)));
        if (refused.add(h.uri())) {
            c.showMessage(new MessageParams(MessageType.Warning, text));
        }
    }

    /** A document was closed: the warning about it, if any, goes. */
    void closed(String uri) {
        LanguageClient c = client;
        if (uri != null && refused.remove(uri) && c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /** Whether {@code uri} was refused as too big and not closed since. */
    boolean isRefused(String uri) {
        return refused.contains(uri);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", (bytes + (1 << 19)) >> 20);
    }
}
