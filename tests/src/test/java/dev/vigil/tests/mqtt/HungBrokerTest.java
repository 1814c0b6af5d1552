package dev.vigil.tests.mqtt;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hung broker (SIGSTOP: the kernel still accepts connections, nothing answers) makes every
 * connection attempt wait for {@code connect-timeout-s}. Detections printed meanwhile must already be
 * in the outbox: Vigil killed with SIGKILL during the hang loses none of them.
 */
class HungBrokerTest {

    @Test
    void killedWhileTheBrokerHangsLosesNoPrintedDetection(@TempDir Path tmp) throws Exception {
        Path outbox = tmp.resolve("outbox");
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), true);
             Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", true)) {
            broker.hang();
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", TestConfigs.MANY_DETECTIONS, outbox, "drain-on-close-s: 120",
                    "connect-timeout-s: 5");
            List<String> printed;
            try (VigilProcess vigil = VigilProcess.start(tmp, "hung", "replay", TestPaths.demoLog().toString(), "--max",
                    "--config", cfg.toString(), "--broker", broker.url())) {
                vigil.awaitErr("Summary of", 60_000);
                assertTrue(vigil.isAlive(), "vigil waits for the hung broker to take its detections");
                vigil.kill();
                printed = TestConfigs.ids(vigil.jsonLines());
            }
            assertTrue(printed.size() > 20, "the replay printed its detections while the broker hung: " + printed.size());
            broker.resume();

            Path restart = TestConfigs.write(tmp, "restart.yaml", TestConfigs.NO_SENSORS, outbox, "");
            CliRun drain = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", restart.toString(),
                    "--broker", broker.url());
            assertEquals(0, drain.exitCode(), drain.err());
            List<String> arrived = sub.awaitDistinctDetectionIds(printed.size(), 20_000);
            assertEquals(printed, arrived, "every detection printed before the kill was in the outbox and is delivered, in order");
        }
    }
}
