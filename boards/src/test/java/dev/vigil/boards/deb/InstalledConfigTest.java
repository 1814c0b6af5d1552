package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.SourceConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.provider.Providers;
import dev.vigil.sensors.SourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration the package installs: valid, with no source (a fresh install makes nothing up),
 * and its commented examples, once uncommented as it says ("[]" deleted, each '#' removed), valid
 * too and naming drivers that exist.
 */
class InstalledConfigTest {
    private static final Path INSTALLED = Path.of("src/deb/etc/vigil.yaml");

    @Test
    void aFreshInstallListsNoSource() throws Exception {
        VigilConfig config = ConfigLoader.load(INSTALLED);
        assertEquals(List.of(), config.sources(), "no synthetic or other made-up source by default");
        assertEquals("embedded", config.broker().url());
    }

    @Test
    void theCommentedExamplesAreValidAndNameInstalledDrivers() throws Exception {
        String text = Files.readString(INSTALLED);
        String uncommented = text.replace("sources: []", "sources:").lines()
                .map(l -> l.startsWith("#  ") ? l.substring(1) : l)
                .reduce("", (a, b) -> a + b + "\n");
        VigilConfig config = ConfigLoader.parse(uncommented, "vigil.yaml with its examples");
        List<String> drivers = config.sources().stream().map(SourceConfig::driver).toList();
        assertEquals(List.of("adxl345", "mpu6050", "mcp3008", "microphone", "synth"), drivers);
        Providers<SourceProvider> installed = Providers.of("driver", SourceProvider.class, SourceProvider::id);
        for (String d : drivers) {
            assertTrue(installed.find(d).isPresent(), installed.missing(d));
        }
    }
}
