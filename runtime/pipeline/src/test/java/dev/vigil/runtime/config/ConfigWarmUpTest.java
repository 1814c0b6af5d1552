package dev.vigil.runtime.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Loads that run while {@link ConfigWarmUp} binds the defaults on its thread give what a load alone gives. */
class ConfigWarmUpTest {
    private static final String YAML = "network:\n  reset: subtract\nsensors:\n  audio:\n    bands: 12\n";

    @Test
    void loadsBesideTheWarmUpGiveTheSameConfig() throws Exception {
        VigilConfig alone = ConfigLoader.parse(YAML, "t.yaml");
        ConfigWarmUp.start();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<VigilConfig>> loads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<VigilConfig> load = () -> ConfigLoader.parse(YAML, "t.yaml");
                loads.add(pool.submit(load));
            }
            for (Future<VigilConfig> f : loads) {
                assertEquals(alone, f.get());
            }
        }
        assertEquals(ConfigLoader.tree(alone), ConfigLoader.tree(ConfigLoader.parse(YAML, "t.yaml")));
    }
}
