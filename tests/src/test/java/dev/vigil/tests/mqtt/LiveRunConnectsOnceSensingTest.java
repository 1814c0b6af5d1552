package dev.vigil.tests.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vigil run} with the embedded broker makes its first MQTT connection once the pipeline has
 * processed its first batch (start-up is bound by CPU, and the connection would compete for it), and
 * still delivers every detection: they wait in the outbox meanwhile.
 */
class LiveRunConnectsOnceSensingTest {
    private static final Pattern DELIVERED = Pattern.compile("MQTT: ([0-9,]+) of ([0-9,]+) detections? delivered");

    @Test
    void theConnectionFollowsTheFirstBatchAndEveryDetectionIsDelivered(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("synth.yaml"), "sources:\n  - driver: synth\n    settings: {seed: 7}\n");
        try (VigilProcess vigil = VigilProcess.start(tmp, "run", List.of(), Map.of("VIGIL_DEBUG", "1"),
                "run", "--config", config.toString(), "--duration", "6")) {
            assertEquals(0, vigil.waitFor(120_000), vigil.err());
            String err = vigil.err();
            int firstBatch = err.indexOf("start-up: first batch processed");
            int connected = err.indexOf("connected to the MQTT broker");
            assertTrue(firstBatch >= 0, "no start-up line:\n" + err);
            assertTrue(connected > firstBatch, "connected before the first batch was processed:\n" + err);
            Matcher m = DELIVERED.matcher(err);
            assertTrue(m.find(), "no delivery line:\n" + err);
            assertEquals(m.group(2), m.group(1), "every detection delivered:\n" + err);
            int delivered = Integer.parseInt(m.group(2).replace(",", ""));
            assertTrue(delivered > 0, "the run made detections: " + m.group());
            assertEquals(delivered, vigil.jsonLines().size(), "the detections printed are those delivered: " + m.group());
        }
    }
}
