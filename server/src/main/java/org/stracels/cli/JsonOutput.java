package org.stracels.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON style of the CLI: indented, nulls kept (an unknown pid is null, not absent), no HTML escapes. */
final class JsonOutput {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private JsonOutput() {
    }

    /**
     * A JSON array written element by element as it is made, in the same style as {@link #GSON}: the findings of
     * a big trace never sit in memory all at once.
     */
    static final class Array implements AutoCloseable {
        private final PrintStream out;
        private final OutputStreamWriter sink;
        private final JsonWriter writer;

        Array(PrintStream out) {
            this.out = out;
            this.sink = new OutputStreamWriter(new java.io.FilterOutputStream(out) {
                @Override
                public void close() {
                    // the stream belongs to the caller
                }
            }, StandardCharsets.UTF_8);
            try {
                writer = GSON.newJsonWriter(sink);
                writer.beginArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(JsonElement element) {
            GSON.toJson(element, writer);
        }

        @Override
        public void close() {
            try {
                writer.endArray();
                writer.flush();
                sink.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
