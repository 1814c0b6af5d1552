package dev.vigil.tests.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Megabytes sent to {@code config/set} by someone without the token neither stop delivery while the
 * process lives on, nor go unnoticed: Vigil keeps delivering and answering, or it ends with a failure
 * status so that its service manager restarts it. Never alive but dead. Live runs of the synthetic
 * scene in a child JVM with a small heap.
 */
class LargeCommandTest {
    private static final String TOKEN = "s3cret";
    private static final String SET = "vigil/vigil-demo/config/set";

    private static Path liveConfig(Path tmp, String protocol) throws Exception {
        return TestConfigs.write(tmp, "live.yaml", "sources:\n  - driver: synth\n" + TestConfigs.MANY_DETECTIONS,
                tmp.resolve("outbox"), "drain-on-close-s: 0", "protocol: " + protocol, "keep-alive-s: 5",
                "commands: {enabled: true, token: " + TOKEN + "}");
    }

    /** A JSON array of {@code n} empty objects: a few bytes each on the wire, far more as a parsed tree. */
    private static String emptyObjects(int n) {
        return "[" + "{},".repeat(n - 1) + "{}]";
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"5", "3.1.1"})
    void threeTenMegabyteCommandsLeaveDeliveryRunningOrEndTheProcess(String protocol, @TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber detections = new Subscriber(broker.url(), "vigil/+/detections/#", false);
             Subscriber operator = new Subscriber(broker.url(), "vigil/+/config/reply", false);
             VigilProcess vigil = VigilProcess.start(tmp, "live", List.of("-Xmx128m"), Map.of(), "run",
                     "--config", liveConfig(tmp, protocol).toString(), "--broker", broker.url())) {
            vigil.awaitErr("vigil: running on", 30_000);
            detections.await("/detections/", 3, 20_000);
            int megabytes = 10 << 20;
            operator.publish(SET, "{\"id\":\"" + "x".repeat(megabytes) + "\",\"set\":{\"sensors.dvs.enabled\":false}}");
            operator.publish(SET, "{\"token\":\"wrong\",\"set\":{\"sensors.dvs.wake.on-spikes\":" + emptyObjects(megabytes / 3) + "}}");
            operator.publish(SET, "{\"set\":{\"sensors\":" + emptyObjects(megabytes / 3) + "}}");
            operator.publish(SET, "{\"id\":\"after\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors.dvs.wake.on-spikes\":3}}");
            long before = detections.detectionMessages();
            long deadline = System.currentTimeMillis() + 45_000;
            while (System.currentTimeMillis() < deadline) {
                if (!vigil.isAlive()) {
                    int status = vigil.waitFor(0);
                    assertNotEquals(0, status, "a Vigil that cannot go on ends with a failure status: " + vigil.err());
                    assertTrue(vigil.err().contains("fatal"), "and says why: " + vigil.err());
                    System.out.println("large commands, MQTT " + protocol + ": Vigil ended with status " + status);
                    return;
                }
                boolean answered = operator.await(r -> r.payload().contains("\"after\""), 1, 0).size() == 1;
                if (answered && detections.detectionMessages() >= before + 10) {
                    assertTrue(operator.await(r -> r.payload().contains("\"after\""), 1, 0).getFirst().json().get("ok").asBoolean());
                    assertFalse(operator.await(r -> r.payload().length() > 100_000, 1, 0).size() == 1, "nothing large is echoed");
                    System.out.println("large commands, MQTT " + protocol + ": delivery went on, "
                            + (detections.detectionMessages() - before) + " detections since, the valid command answered");
                    return;
                }
                Thread.sleep(100);
            }
            fail("alive but not delivering: " + (detections.detectionMessages() - before) + " detection(s) and "
                    + operator.await(r -> r.payload().contains("\"after\""), 1, 0).size() + " reply to the valid command in 45 s; "
                    + vigil.err().lines().filter(l -> l.contains("Error") || l.contains("fatal")).limit(5).toList());
        }
    }

    @Test
    void anErrorInAWorkerThreadEndsTheProcessWithAFailureStatus(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber operator = new Subscriber(broker.url(), "vigil/+/config/reply", false);
             VigilProcess vigil = VigilProcess.start(tmp, "live", List.of("-Xmx48m"), Map.of(), "run",
                     "--config", liveConfig(tmp, "3.1.1").toString(), "--broker", broker.url())) {
            vigil.awaitErr("vigil: running on", 30_000);
            // MQTT 3.1.1 has no maximum packet size: Paho reads the whole message into one array
            // before Vigil can look at it, which cannot fit in this heap.
            operator.publish(SET, "x".repeat(96 << 20));
            int status = vigil.waitFor(30_000);
            assertNotEquals(-1, status, "still running after an OutOfMemoryError in Paho's receiver: " + vigil.err());
            assertNotEquals(0, status, vigil.err());
            assertTrue(vigil.err().contains("OutOfMemoryError") && vigil.err().contains("fatal"), vigil.err());
            System.out.println("an error in Paho's receiver: Vigil ended with status " + status + ": "
                    + vigil.err().lines().filter(l -> l.contains("fatal")).findFirst().orElse(""));
        }
    }
}
