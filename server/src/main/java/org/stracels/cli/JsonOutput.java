package org.stracels.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON style of the CLI: indented, nulls kept (an unknown pid is null, not absent), no HTML escapes. */
final class JsonOutput {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private JsonOutput() {
    }
}
