package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.SourceConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.provider.Providers;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProvider;
import dev.vigil.sensors.mux.SourceMux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Opens the config's live sources through their providers and merges them. */
final class LiveSources {
    /** Pooled batches per stream between the sources and the pipeline. */
    static final int POOL_PER_STREAM = 64;

    private LiveSources() {
    }

    static SourceMux open(VigilConfig config) throws UserError {
        if (config.sources().isEmpty()) {
            throw new UserError("no live sources configured: add a 'sources' list to the config (see docs/config.md), e.g. sources: [{driver: synth}]");
        }
        Providers<SourceProvider> drivers = Providers.of("driver", SourceProvider.class, SourceProvider::id);
        List<SensorSource> opened = new ArrayList<>();
        try {
            for (int i = 0; i < config.sources().size(); i++) {
                SourceConfig sc = config.sources().get(i);
                String where = "sources[" + i + "]";
                SourceProvider p = drivers.find(sc.driver())
                        .orElseThrow(() -> new UserError(where + ": " + drivers.missing(sc.driver())));
                try {
                    opened.add(p.open(sc.settingsAsStrings()));
                } catch (IllegalArgumentException e) {
                    throw new UserError("sources[" + i + "] (" + sc.driver() + "): " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    // drivers' libraries (Pi4J) report a missing bus or device as a runtime exception
                    throw new UserError("sources[" + i + "] (" + sc.driver() + ") could not open: " + e.getMessage());
                }
            }
        } catch (UserError e) {
            for (SensorSource s : opened) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            throw e;
        }
        return new SourceMux(opened, POOL_PER_STREAM);
    }
}
