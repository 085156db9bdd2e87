package org.stracels.lsp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;

/** The header lines of a frame, as {@link FrameReader} reads them: names, lengths, charsets. */
final class FrameHeaders {
    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());

    private FrameHeaders() {
    }

    /** A header name: an HTTP token. */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /** The charset of a Content-Type; the spec's {@code utf8} is UTF-8, an unknown one is ignored. */
    static Charset charset(String contentType, Charset current) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).trim().replace("\"", "");
                if (name.equalsIgnoreCase("utf8")) {
                    return StandardCharsets.UTF_8;
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    LOG.warning("unknown charset in Content-Type; reading UTF-8");
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return current;
    }
}
