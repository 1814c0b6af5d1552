package dev.vigil.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import dev.vigil.drivers.gpio.CaptureRequest;
import dev.vigil.drivers.gpio.WakeLine;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A profile's GPIO lines on Pi4J's mock platform, at the profile's pins. */
class BoardIoTest {
    private Context pi4j;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void start() {
        pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(new MockDigitalInputProviderImpl(), new MockDigitalOutputProviderImpl()).build();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        pi4j.shutdown();
    }

    @Test
    void aPiGetsItsLinesAtTheProfilePins() throws Exception {
        BoardProfile pi4 = BoardProfiles.builtIn().byId("pi4b");
        AtomicReference<CaptureRequest> got = new AtomicReference<>();
        CountDownLatch fired = new CountDownLatch(1);
        try (BoardIo io = BoardIo.open(pi4j, pi4, WakeLine.Mode.LEVEL, Duration.ZERO, Duration.ofMillis(100),
                "anomaly", scheduler, r -> {
                    got.set(r);
                    fired.countDown();
                })) {
            DigitalOutput wakePin = pi4j.registry().get("vigil-wake");
            assertEquals(pi4.pins().wake(), wakePin.address());
            io.wake().orElseThrow().wake();
            assertEquals(DigitalState.HIGH, wakePin.state());
            DigitalOutput ledPin = pi4j.registry().get("vigil-led");
            assertEquals(pi4.pins().statusLed(), ledPin.address());
            MockDigitalInput buttonPin = pi4j.registry().get("vigil-button");
            assertEquals(pi4.pins().button(), buttonPin.address());
            buttonPin.mockState(DigitalState.HIGH);
            buttonPin.mockState(DigitalState.LOW);
            assertTrue(fired.await(3, TimeUnit.SECONDS));
            assertEquals("anomaly", got.get().label());
        }
    }

    @Test
    void theGenericHostHasNoLines() {
        try (BoardIo io = BoardIo.open(pi4j, BoardProfiles.builtIn().generic(), WakeLine.Mode.PULSE,
                Duration.ofMillis(5), Duration.ofSeconds(1), "x", scheduler, r -> { })) {
            assertTrue(io.wake().isEmpty() && io.led().isEmpty() && io.button().isEmpty());
        }
    }
}
