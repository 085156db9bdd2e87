package org.stracels.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The errno names strace prints and the message it prints with each (facts from strace and glibc). */
final class Errnos {
    private static final Map<String, String> MESSAGES = load();

    private Errnos() {
    }

    /** strace's message for {@code name}, or null when the name is unknown. */
    static String message(String name) {
        return MESSAGES.get(name);
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = Errnos.class.getResourceAsStream("/org/stracels/facts/errnos.txt")) {
            if (in == null) {
                return map;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String row; (row = reader.readLine()) != null; ) {
                String[] cols = row.split("\t");
                if (cols.length >= 3 && !row.startsWith("#")) {
                    map.put(cols[0], cols[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
