package dev.vigil.boards;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.vigil.drivers.gpio.CaptureButton;
import dev.vigil.drivers.gpio.CaptureRequest;
import dev.vigil.drivers.gpio.GpioLines;
import dev.vigil.drivers.gpio.StatusLed;
import dev.vigil.drivers.gpio.WakeLine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The GPIO lines of a board at its profile's default pins: the wake line, the status LED and the
 * capture button (to ground, with the internal pull-up). A board without GPIO, or a pin set to -1,
 * has none of them.
 */
public final class BoardIo implements AutoCloseable {
    private static final long BUTTON_DEBOUNCE_US = 10_000;

    private final WakeLine wake;
    private final StatusLed led;
    private final CaptureButton button;

    private BoardIo(WakeLine wake, StatusLed led, CaptureButton button) {
        this.wake = wake;
        this.led = led;
        this.button = button;
    }

    /**
     * Opens the lines of {@code profile} on {@code ctx}. The wake line is active-high in
     * {@code wakeMode} with {@code pulse}; the button fires {@code onCapture} after {@code hold}.
     */
    public static BoardIo open(Context ctx, BoardProfile profile, WakeLine.Mode wakeMode, Duration pulse,
                               Duration hold, String captureLabel, ScheduledExecutorService scheduler,
                               Consumer<CaptureRequest> onCapture) {
        if (!profile.gpio()) {
            return new BoardIo(null, null, null);
        }
        BoardProfile.Pins pins = profile.pins();
        WakeLine wake = pins.wake() < 0 ? null : new WakeLine(
                GpioLines.output(ctx, "vigil-wake", pins.wake(), DigitalState.LOW), wakeMode, true, pulse, scheduler);
        StatusLed led = pins.statusLed() < 0 ? null
                : new StatusLed(GpioLines.output(ctx, "vigil-led", pins.statusLed(), DigitalState.LOW));
        CaptureButton button = pins.button() < 0 ? null : new CaptureButton(
                GpioLines.input(ctx, "vigil-button", pins.button(), PullResistance.PULL_UP, BUTTON_DEBOUNCE_US),
                true, hold, captureLabel, scheduler, System::nanoTime, onCapture);
        return new BoardIo(wake, led, button);
    }

    /** The wake line, if the board has one. */
    public Optional<WakeLine> wake() {
        return Optional.ofNullable(wake);
    }

    /** The status LED, if the board has one. */
    public Optional<StatusLed> led() {
        return Optional.ofNullable(led);
    }

    /** The capture button, if the board has one. */
    public Optional<CaptureButton> button() {
        return Optional.ofNullable(button);
    }

    @Override
    public void close() {
        if (button != null) {
            button.close();
        }
        if (led != null) {
            led.close();
        }
        if (wake != null) {
            wake.close();
        }
    }
}
