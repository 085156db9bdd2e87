package org.stracels.lsp;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * What a body is, read as a stream of JSON tokens without building it: one JSON value and nothing after
 * it, an object a JSON-RPC message could be, and the top-level id when one was read before any error.
 */
record FrameBody(FrameBody.Kind kind, Object id) {
    /** A JSON-RPC message, not one JSON value, or JSON that is not a message. */
    enum Kind { MESSAGE, NOT_JSON, NOT_JSON_RPC }

    static FrameBody of(String text) {
        Object id = null;
        boolean method = false;
        boolean answer = false;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                reader.skipValue();
                return reader.peek() == JsonToken.END_DOCUMENT ? new FrameBody(Kind.NOT_JSON_RPC, null)
                        : new FrameBody(Kind.NOT_JSON, null);
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                JsonToken token = reader.peek();
                if (name.equals("id") && (token == JsonToken.NUMBER || token == JsonToken.STRING)) {
                    id = id(reader, token);
                } else if (name.equals("method") && token == JsonToken.STRING) {
                    method = true;
                    reader.skipValue();
                } else {
                    answer |= name.equals("result") || name.equals("error");
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return new FrameBody(Kind.NOT_JSON, id);
            }
        } catch (IOException | RuntimeException e) {
            return new FrameBody(Kind.NOT_JSON, id);
        }
        boolean rpc = method || (answer && id != null);
        return new FrameBody(rpc ? Kind.MESSAGE : Kind.NOT_JSON_RPC, id);
    }

    /** A message's id as the reply must give it back: a small number as a number, else its text. */
    static Object id(JsonReader reader, JsonToken token) throws IOException {
        String v = reader.nextString();
        return token == JsonToken.NUMBER && v.matches("-?\\d{1,9}") ? (Object) Integer.parseInt(v) : v;
    }
}
