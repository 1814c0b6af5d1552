package dev.vigil.tests.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** External programs the MQTT tests need: missing ones fail in CI and skip, visibly, elsewhere. */
final class Tools {

    private Tools() {
    }

    static void require(Path binary, String what) {
        if (!Files.isExecutable(binary)) {
            if (System.getenv("CI") != null) {
                fail(what + " is not installed at " + binary + "; .ci/run must install it (apt-get install mosquitto openssl)");
            }
            assumeTrue(false, what + " not installed at " + binary);
        }
    }

    /** Runs a command in {@code dir}, failing the test with its output if it fails. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + List.of(command));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), List.of(command) + " failed: " + text);
        return text;
    }
}
