package dev.vigil.drivers.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.runtime.dense.DenseDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinylog.Logger;

import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin jar as packaged, with only this machine's platform's native library left in it, runs
 * the fixture in a JVM of its own without the full ONNX Runtime jar on the class path.
 */
class OnnxPluginJarIT {
    @TempDir
    Path dir;

    @Test
    void theStrippedPluginJarLoadsAndRunsTheFixtureOnItsOwn() throws Exception {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "linux-aarch64" : "linux-x64";
        Path plugin = Path.of(System.getProperty("vigil.onnx.plugin.prefix") + "-" + arch + ".jar");
        assertTrue(Files.isRegularFile(plugin), plugin + " is built before the integration tests");
        for (String name : List.of("kws-fixture.onnx", "kws-fixture.json")) {
            try (InputStream in = getClass().getResourceAsStream(name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        JsonNode c = new ObjectMapper().readTree(dir.resolve("kws-fixture.json").toFile()).path("cases").get(1);
        Files.write(dir.resolve("input.f32"), Base64.getDecoder().decode(c.path("input").asText()));
        String classPath = String.join(File.pathSeparator, plugin.toString(), location(DenseDevice.class),
                location(Logger.class), location(PluginSmoke.class));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, PluginSmoke.class.getName(),
                dir.resolve("kws-fixture.onnx").toString(), dir.resolve("input.f32").toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the smoke run ended");
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("stderr.txt")));
        String[] lines = out.strip().split("\n");
        assertTrue(lines[0].endsWith(plugin.getFileName().toString()), "ONNX Runtime came from " + lines[0]);
        for (int k = 0; k < 4; k++) {
            assertEquals(c.path("logits").get(k).asDouble(), Double.parseDouble(lines[k + 1]), 1e-5, "logit " + k);
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return Path.of(source.getLocation().toURI()).toString();
    }
}
