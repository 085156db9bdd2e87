package org.stracels.lsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The views the server made, known by their text: a client may open a view under any URI (a virtual document,
 * a scratch buffer), and the server recognises it by its content, so that every client gets the way back to the
 * original without a protocol of its own. Keeps the last few views (their line maps: 4 bytes a line).
 */
final class ViewDocuments {
    private static final int KEPT = 32;

    /** A view: its original's URI and the original line of each of its lines. */
    record Origin(String uri, int[] lines) { }

    private final Map<String, Origin> byText = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void remember(String text, Origin origin) {
        byText.put(key(text), origin);
    }

    private final Map<OpenDocument, Origin> known = new java.util.WeakHashMap<>();
    private final Map<OpenDocument, Boolean> notViews = new java.util.WeakHashMap<>();

    /** The origin of an open document whose text is a view's, or null; worked out once per document version. */
    synchronized Origin of(OpenDocument doc) {
        if (doc == null || notViews.containsKey(doc)) {
            return null;
        }
        Origin o = known.get(doc);
        if (o == null) {
            o = byText.get(key(doc.text()));
            if (o == null) {
                notViews.put(doc, Boolean.TRUE);
            } else {
                known.put(doc, o);
            }
        }
        return o;
    }

    /** Line breaks as LF, no final line break; then a digest, so the map holds no texts. */
    static String key(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
