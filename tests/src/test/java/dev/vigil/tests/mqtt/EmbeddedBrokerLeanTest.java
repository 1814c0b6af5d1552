package dev.vigil.tests.mqtt;

import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded broker costs little memory and start-up time: Netty under it allocates unpooled (its
 * pooled allocator keeps 4 MB chunks on the heap), and the client connects with MQTT 3.1.1, what
 * Moquette speaks, without first being refused MQTT 5. Netty's and Paho's own debug lines, in a fresh
 * JVM, say what they did.
 */
class EmbeddedBrokerLeanTest {
    @Test
    void nettyAllocatesUnpooledAndTheClientAsksForMqtt311AtOnce(@TempDir Path tmp) throws Exception {
        try (VigilProcess vigil = VigilProcess.start(tmp, "lean", List.of(), Map.of("VIGIL_DEBUG", "1"),
                "replay", TestPaths.demoLog().toString(), "--max")) {
            assertEquals(0, vigil.waitFor(120_000), vigil.err());
            String err = vigil.err();
            assertTrue(err.contains("-Dio.netty.allocator.type: unpooled"), "Netty's allocator:\n" + err);
            assertTrue(err.contains("connected to the MQTT broker (MQTT 3.1.1"), err);
            assertFalse(err.contains("org.eclipse.paho.mqttv5"), "an MQTT 5 client was started:\n" + err);
            assertEquals(3, vigil.jsonLines().size(), err);
        }
    }
}
