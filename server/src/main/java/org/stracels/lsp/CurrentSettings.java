package org.stracels.lsp;

import java.util.function.Supplier;
import org.stracels.settings.Settings;

/** The settings in force: replaced as a whole at initialize and on each configuration change, read by every request. */
final class CurrentSettings implements Supplier<Settings> {
    private volatile Settings settings = Settings.DEFAULT;

    @Override
    public Settings get() {
        return settings;
    }

    void set(Settings settings) {
        this.settings = settings;
    }
}
