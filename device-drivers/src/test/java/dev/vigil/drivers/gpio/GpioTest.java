package dev.vigil.drivers.gpio;

import dev.vigil.sensors.health.HealthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wake line, status LED and capture button on Pi4J's mock digital I/O. */
class GpioTest {
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

    private static List<DigitalState> record(DigitalOutput out) {
        List<DigitalState> states = new CopyOnWriteArrayList<>();
        out.addListener(e -> states.add(e.state()));
        return states;
    }

    @Test
    void pulseModeGivesOnePulseOfTheConfiguredWidth() throws Exception {
        DigitalOutput out = GpioLines.output(pi4j, "wake", 17, DigitalState.LOW);
        try (WakeLine wake = new WakeLine(out, WakeLine.Mode.PULSE, true, Duration.ofMillis(80), scheduler)) {
            List<DigitalState> states = record(out);
            long t0 = System.nanoTime();
            wake.wake();
            while (wake.isActive() && System.nanoTime() - t0 < 2_000_000_000L) {
                Thread.sleep(5);
            }
            long width = System.nanoTime() - t0;
            assertFalse(wake.isActive(), "the pulse ended by itself");
            assertTrue(width >= 80_000_000L, "pulse lasted at least 80 ms: " + width / 1e6);
            assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW), states);
        }
    }

    @Test
    void levelModeHoldsUntilSleepAndActiveLowInverts() {
        DigitalOutput out = GpioLines.output(pi4j, "wake-level", 27, DigitalState.HIGH);
        try (WakeLine wake = new WakeLine(out, WakeLine.Mode.LEVEL, false, Duration.ZERO, scheduler)) {
            assertEquals(DigitalState.HIGH, out.state(), "idle is high for an active-low line");
            wake.wake();
            assertEquals(DigitalState.LOW, out.state());
            wake.wake();
            assertEquals(DigitalState.LOW, out.state());
            wake.sleep();
            assertEquals(DigitalState.HIGH, out.state());
            assertEquals(2, wake.wakes());
        }
    }

    @Test
    void statusLedBlinksByPatternAndFollowsHealth() {
        DigitalOutput out = GpioLines.output(pi4j, "led", 22, DigitalState.LOW);
        try (StatusLed led = new StatusLed(out)) {
            led.show(StatusLed.Pattern.forHealth(HealthState.HEALTHY), 0);
            assertEquals(DigitalState.HIGH, out.state());
            led.show(StatusLed.Pattern.forHealth(HealthState.UNHEALTHY), 1000);
            assertEquals(StatusLed.Pattern.FAST_BLINK, led.pattern());
            StringBuilder trace = new StringBuilder();
            for (long t = 1000; t < 1400; t += 50) {
                led.tick(t);
                trace.append(out.state() == DigitalState.HIGH ? '#' : '.');
            }
            assertEquals("##..##..", trace.toString(), "0.2 s period, 0.1 s on, sampled every 50 ms");
            led.show(StatusLed.Pattern.OFF, 2000);
            assertEquals(DigitalState.LOW, out.state());
        }
    }

    @Test
    void holdingTheButtonRequestsOneLabelledCaptureAndShortPressesDoNot() throws Exception {
        DigitalInput in = GpioLines.input(pi4j, "button", 23, PullResistance.PULL_UP, 0);
        MockDigitalInput mock = (MockDigitalInput) in;
        mock.mockState(DigitalState.HIGH);
        List<CaptureRequest> requests = new CopyOnWriteArrayList<>();
        CountDownLatch fired = new CountDownLatch(1);
        try (CaptureButton button = new CaptureButton(in, true, Duration.ofMillis(300), "bearing-fault", scheduler,
                System::nanoTime, r -> {
                    requests.add(r);
                    fired.countDown();
                })) {
            mock.mockState(DigitalState.LOW);
            mock.mockState(DigitalState.HIGH);
            Thread.sleep(450);
            assertTrue(requests.isEmpty(), "a short press does nothing");

            mock.mockState(DigitalState.LOW);
            assertTrue(fired.await(3, TimeUnit.SECONDS), "a 300 ms hold fires");
            assertEquals(1, requests.size());
            assertEquals("bearing-fault", requests.get(0).label());
            assertTrue(requests.get(0).held().toMillis() >= 300, requests.get(0).toString());
            Thread.sleep(400);
            mock.mockState(DigitalState.HIGH);
            assertEquals(1, requests.size(), "holding longer does not fire again");
            button.close();
            mock.mockState(DigitalState.LOW);
            Thread.sleep(450);
            assertEquals(1, requests.size(), "a closed button no longer listens");
        }
    }
}
