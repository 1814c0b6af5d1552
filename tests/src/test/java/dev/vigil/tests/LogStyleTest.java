package dev.vigil.tests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command's standard error in its own process, logging configured as shipped: one prefix, level
 * words only for warnings and errors, third-party libraries (here Pi4J) silent unless VIGIL_DEBUG=1.
 */
class LogStyleTest {

    private record Result(int exit, List<String> err) {
    }

    private static Result vigil(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The JVM options bin/vigil gives this JDK (see LauncherTest).
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-Dio.netty.noUnsafe=true", "-cp", System.getProperty("java.class.path"), "dev.vigil.runtime.cli.VigilCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("VIGIL_DEBUG");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vigil " + String.join(" ", args) + " did not finish");
        return new Result(p.exitValue(), Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static void assertOneStyle(List<String> err) {
        for (String line : err) {
            boolean message = line.startsWith("vigil: ");
            boolean summary = line.isEmpty() || line.startsWith("Summary of ") || line.startsWith("  ");
            assertTrue(message || summary, "a line in neither the message style nor the summary: '" + line + "'");
            assertFalse(line.matches("vigil: (INFO|WARN|ERROR|DEBUG):.*"), "upper-case level word: " + line);
            assertFalse(line.contains("Exception") || line.startsWith("\tat "), "no stack trace: " + line);
        }
    }

    @Test
    void aMissingBusIsOneErrorLineWithoutPi4jsReports(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("i2c.yaml"), "sources:\n  - driver: adxl345\n    settings: {interface: i2c, i2c-bus: 31}\n");
        Result quiet = vigil(dir, Map.of(), "run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1");
        assertEquals(1, quiet.exit(), quiet.err().toString());
        assertEquals(1, quiet.err().size(), "one line, no library noise: " + quiet.err());
        assertTrue(quiet.err().get(0).startsWith("vigil: error: sources[0] (adxl345) could not open: "), quiet.err().toString());

        Result debug = vigil(dir, Map.of("VIGIL_DEBUG", "1"), "run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1");
        assertEquals(1, debug.exit(), debug.err().toString());
        assertTrue(debug.err().stream().anyMatch(l -> l.startsWith("vigil: debug: ") && l.contains("[com.pi4j.")),
                "with VIGIL_DEBUG=1 Pi4J's own reports appear, marked as debug output: " + debug.err());
        assertTrue(debug.err().stream().anyMatch(l -> l.startsWith("vigil: error: sources[0] (adxl345) could not open: ")),
                debug.err().toString());
    }

    @Test
    void aPiWithoutItsGpioChipGetsOneWarningAndRunsOn(@TempDir Path dir) throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this host has a GPIO chip");
        Path cfg = Files.writeString(dir.resolve("pi.yaml"), "board:\n  id: pi4b\nsources:\n  - driver: synth\n");
        Result r = vigil(dir, Map.of(), "run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1");
        assertEquals(0, r.exit(), r.err().toString());
        assertOneStyle(r.err());
        List<String> gpio = r.err().stream().filter(l -> l.contains("gpiochip")).toList();
        assertEquals(List.of("vigil: warning: Raspberry Pi 4 Model B: no GPIO chip /dev/gpiochip0, so the wake line, LED "
                + "and button are off (the GPIO character device needs Raspberry Pi OS bookworm or later; "
                + "board.wake-line: off turns this check off)"), gpio);
        assertTrue(r.err().stream().noneMatch(l -> l.contains("Pi4J") || l.contains("provider")), r.err().toString());
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("Summary of live run (ran ")), r.err().toString());
    }

    @Test
    void aReplayWithTheEmbeddedBrokerSpeaksInOneStyle(@TempDir Path dir) throws Exception {
        Result r = vigil(dir, Map.of(), "replay", TestPaths.demoLog().toString(), "--max");
        assertEquals(0, r.exit(), r.err().toString());
        assertOneStyle(r.err());
        assertTrue(r.err().stream().anyMatch(l -> l.matches("  total: 3 wakes, 3 detections; dense stage ran in 3 of 360 windows .*")),
                r.err().toString());
        assertTrue(r.err().stream().anyMatch(l -> l.equals("vigil: MQTT: 3 of 3 detections delivered")), r.err().toString());
        assertTrue(r.err().stream().anyMatch(l -> l.matches("  dvs +24,331 events +24,331 .* 174 mJ")),
                "the front end's energy, Loihi's idle power over the 6 s included: " + r.err());
    }
}
