package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damage inside an outbox segment costs the damaged record and nothing else: recovery skips it,
 * finds the next sound record, counts the loss exactly and says where.
 */
class OutboxDamageTest {
    /** 2 ms windows, the event camera only, waking on any strip spike: over a hundred detections from the demo log. */
    private static final String DVS_ONLY = """
            window:
              length-ms: 2
              hop-ms: 2
            sensors:
              dvs:
                wake: {on-spikes: 1, off-spikes: 0}
              audio: {enabled: false}
              vibration: {enabled: false}
            """;

    /** Start offsets of the records of a segment, read with the layout docs/mqtt.md gives: {@code int length, int CRC, body}. */
    private static List<Integer> recordOffsets(byte[] segment) {
        List<Integer> offsets = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(segment);
        for (int pos = 0; pos < segment.length; pos += 8 + b.getInt(pos)) {
            offsets.add(pos);
        }
        return offsets;
    }

    @Test
    void oneFlippedByteLosesExactlyTheDamagedDetection(@TempDir Path tmp) throws Exception {
        Path outbox = tmp.resolve("outbox");
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false)) {
            broker.stop();
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", DVS_ONLY, outbox, "drain-on-close-s: 0");
            CliRun offline = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                    "--broker", broker.url());
            assertEquals(0, offline.exitCode(), offline.err());
            List<String> printed = TestConfigs.ids(offline);
            List<Path> segments;
            try (Stream<Path> s = Files.list(outbox)) {
                segments = s.filter(p -> p.getFileName().toString().startsWith("seg-")).toList();
            }
            assertEquals(1, segments.size(), "one segment holds them all");
            byte[] bytes = Files.readAllBytes(segments.getFirst());
            List<Integer> offsets = recordOffsets(bytes);
            assertEquals(printed.size(), offsets.size(), "one record per printed detection");
            assertTrue(printed.size() >= 100, "a segment of over a hundred records: " + printed.size());
            int damaged = printed.size() / 4;
            int flipped = offsets.get(damaged + 1) - 3;
            bytes[flipped] ^= 0x20;
            Files.write(segments.getFirst(), bytes);

            broker.start();
            try (Subscriber sub = new Subscriber(broker.url(), "vigil/#", false)) {
                Path restart = TestConfigs.write(tmp, "restart.yaml", TestConfigs.NO_SENSORS, outbox, "");
                String log;
                try (VigilProcess drain = VigilProcess.start(tmp, "drain", "replay", TestPaths.demoLog().toString(), "--max",
                        "--config", restart.toString(), "--broker", broker.url())) {
                    assertEquals(0, drain.waitFor(60_000), drain.err());
                    log = drain.err();
                }
                List<String> expected = new ArrayList<>(printed);
                expected.remove(damaged);
                assertEquals(expected, sub.awaitDistinctDetectionIds(expected.size(), 20_000),
                        "all but the damaged record arrive, in order");
                assertTrue(log.contains(segments.getFirst() + " offset " + offsets.get(damaged)), "the damage is logged where it is: " + log);
                JsonNode metrics = sub.await("/metrics", 1, 5_000).getFirst().json();
                assertEquals(1, metrics.at("/outbox/dropped_corrupt").asLong(), "exactly one record counted lost: " + metrics);
            }
        }
    }
}
