package dev.vigil.tests.mqtt;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection ids are unique across runs and devices, so a consumer that de-duplicates by {@code id}, as
 * docs/mqtt.md advises, drops only re-sends: the same recording replayed twice, and by a second device,
 * reaches it in full.
 */
class DetectionIdTest {
    /** UUID version 7: 48-bit Unix time in ms, version 7, variant 0b10, random bits. */
    private static final Pattern UUID_V7 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void replaysAndDevicesNeverShareAnId(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", false)) {
            long startMs = System.currentTimeMillis();
            List<String> printed = new ArrayList<>();
            for (String device : List.of("pump-7", "pump-7", "pump-8")) {
                Path cfg = TestConfigs.write(tmp, device + ".yaml", "device-id: " + device + "\n", tmp.resolve("outbox-" + device), "");
                CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                        "--broker", broker.url());
                assertEquals(0, run.exitCode(), run.err());
                assertEquals(3, run.jsonLines().size(), run.jsonLines().toString());
                printed.addAll(TestConfigs.ids(run));
            }
            long endMs = System.currentTimeMillis();
            assertEquals(printed.size(), new HashSet<>(printed).size(), "every detection has an id of its own: " + printed);
            for (String id : printed) {
                assertTrue(UUID_V7.matcher(id).matches(), id + " is a UUIDv7");
                long ms = UUID.fromString(id).getMostSignificantBits() >>> 16;
                assertTrue(ms >= startMs && ms <= endMs, id + " carries the time it was made");
            }
            assertEquals(printed, sub.awaitDistinctDetectionIds(printed.size(), 10_000),
                    "a consumer de-duplicating by id keeps all nine detections of the three runs");
        }
    }
}
