package dev.vigil.tests.mqtt;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker that does not answer is not an error: it is named, and detections wait in the outbox. A
 * setting that can never work (an unreadable CA file) is an error, in one line.
 */
class UnreachableBrokerTest {

    @Test
    void unreachableBrokerIsNamedAndDetectionsWait(@TempDir Path tmp) throws Exception {
        int port = Mosquitto.freePort();
        String url = "tcp://127.0.0.1:" + port;
        Path outbox = tmp.resolve("outbox");
        Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", outbox, "drain-on-close-s: 0");
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(), "--broker", url);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("MQTT broker " + url) && run.err().contains("cannot reach it"), run.err());
        assertTrue(run.err().contains("0 of 3 detections delivered, 3 wait in the outbox " + outbox), run.err());
        try (Stream<Path> s = Files.list(outbox)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("seg-")));
        }
    }

    @Test
    void unreadableCaFileIsOneLineNamingTheKey(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("no-such-ca.pem");
        Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "",
                "tls: {ca-file: \"" + missing + "\"}");
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                "--broker", "ssl://127.0.0.1:" + Mosquitto.freePort());
        assertEquals(1, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("broker.tls.ca-file = " + missing + " cannot be read"), err);
        assertFalse(err.contains("\tat "), err);
    }
}
