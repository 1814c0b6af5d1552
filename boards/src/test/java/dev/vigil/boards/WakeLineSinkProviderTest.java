package dev.vigil.boards;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detections raise the wake line at the profile's pin, on Pi4J's mock platform. */
class WakeLineSinkProviderTest {
    private Context pi4j;

    @BeforeEach
    void start() {
        pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(new MockDigitalInputProviderImpl(), new MockDigitalOutputProviderImpl()).build();
    }

    @AfterEach
    void stop() {
        pi4j.shutdown();
    }

    private static Detection detection() {
        return new Detection("id", "dev", "vibration", 0, "bearing_fault", 0.9, 1000, 0, "test", new int[]{1}, 0);
    }

    private WakeLineSinkProvider provider(Path dir, String model) throws Exception {
        Path modelFile = dir.resolve("model");
        Files.write(modelFile, (model + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path dev = Files.createDirectories(dir.resolve("dev"));
        if (!Files.exists(dev.resolve("gpiochip0"))) {
            Files.createFile(dev.resolve("gpiochip0"));
        }
        return new WakeLineSinkProvider(new BoardDetector(BoardProfiles.builtIn(), modelFile), dev, () -> pi4j);
    }

    @Test
    void levelModeHoldsTheWakePinHighAfterADetection(@TempDir Path dir) throws Exception {
        VigilConfig cfg = ConfigLoader.parse("board:\n  wake-line: level\n", "t");
        Optional<DetectionSink> sink = provider(dir, "Raspberry Pi 4 Model B Rev 1.4").open(cfg);
        assertTrue(sink.isPresent());
        try (DetectionSink s = sink.get()) {
            DigitalOutput pin = pi4j.registry().get("vigil-wake");
            assertEquals(BoardProfiles.builtIn().byId("pi4b").pins().wake(), pin.address());
            assertEquals(DigitalState.LOW, pin.state());
            s.accept(detection());
            assertEquals(DigitalState.HIGH, pin.state());
        }
    }

    @Test
    void pulseModeReturnsLowAfterThePulse(@TempDir Path dir) throws Exception {
        VigilConfig cfg = ConfigLoader.parse("board:\n  wake-line: pulse\n  pulse-ms: 20\n", "t");
        try (DetectionSink s = provider(dir, "Raspberry Pi 5 Model B Rev 1.0").open(cfg).orElseThrow()) {
            DigitalOutput pin = pi4j.registry().get("vigil-wake");
            s.accept(detection());
            assertEquals(DigitalState.HIGH, pin.state());
            long deadline = System.currentTimeMillis() + 3000;
            while (pin.state() == DigitalState.HIGH && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(DigitalState.LOW, pin.state(), "the pulse ends");
        }
    }

    @Test
    void noSinkWithoutGpioOrWhenSwitchedOff(@TempDir Path dir) throws Exception {
        assertTrue(provider(dir, "").open(ConfigLoader.defaults()).isEmpty(), "generic host");
        WakeLineSinkProvider boardless = new WakeLineSinkProvider(new BoardDetector(() -> {
            throw new AssertionError("a host without a device-tree model read the board profiles");
        }, dir.resolve("no-model")), dir, () -> {
            throw new AssertionError("Pi4J started");
        });
        assertTrue(boardless.open(ConfigLoader.defaults()).isEmpty(), "host without a device tree");
        VigilConfig off = ConfigLoader.parse("board:\n  wake-line: off\n", "t");
        assertTrue(provider(dir, "Raspberry Pi 4 Model B Rev 1.4").open(off).isEmpty());
    }

    @Test
    void aBoardWithoutItsGpioChipGetsNoSinkAndPi4jIsNeverStarted(@TempDir Path dir) throws Exception {
        Path modelFile = Files.write(dir.resolve("model"), "Raspberry Pi 4 Model B Rev 1.4\0".getBytes());
        Path emptyDev = Files.createDirectories(dir.resolve("dev"));
        AtomicBoolean started = new AtomicBoolean();
        WakeLineSinkProvider p = new WakeLineSinkProvider(new BoardDetector(BoardProfiles.builtIn(), modelFile), emptyDev,
                () -> {
                    started.set(true);
                    return pi4j;
                });
        assertTrue(p.open(ConfigLoader.defaults()).isEmpty(), "no chip, no wake line");
        assertFalse(started.get(), "Pi4J is not started for a chip that is not there");
    }

    @Test
    void linesThatCannotBeOpenedGiveNoSinkInsteadOfFailingTheRun(@TempDir Path dir) throws Exception {
        Context noGpio = Pi4J.newContextBuilder().add(new MockPlatform()).build();
        try {
            Path modelFile = Files.write(dir.resolve("model"), "Raspberry Pi 4 Model B Rev 1.4\0".getBytes());
            Path dev = Files.createDirectories(dir.resolve("dev"));
            Files.createFile(dev.resolve("gpiochip0"));
            WakeLineSinkProvider p = new WakeLineSinkProvider(new BoardDetector(BoardProfiles.builtIn(), modelFile), dev,
                    () -> noGpio);
            assertTrue(p.open(ConfigLoader.defaults()).isEmpty(), "a context without GPIO providers: no wake line");
        } finally {
            noGpio.shutdown();
        }
    }

    @Test
    void theRootCauseIsTheInnermostMessage() {
        RuntimeException wrapped = new RuntimeException("Pi4J provider could not be found: include this JAR",
                new IllegalStateException("init failed", new java.io.IOException("/dev/gpiochip0: No such file or directory")));
        assertEquals("/dev/gpiochip0: No such file or directory", WakeLineSinkProvider.rootCause(wrapped));
    }

    @Test
    void badModeIsRefusedWithTheKey() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.vigil.runtime.config.ConfigException.class,
                () -> ConfigLoader.parse("board:\n  wake-line: blink\n", "t"));
        assertEquals("t: board.wake-line = blink is refused: must be one of pulse, level, off", e.getMessage());
    }
}
