package dev.vigil.drivers.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * A push button: held for at least {@code hold}, it fires one {@link CaptureRequest} with its label
 * (while still held, so the LED can confirm at once); shorter presses are ignored. Debouncing is
 * left to the Pi4J input's debounce setting.
 */
public final class CaptureButton implements AutoCloseable {
    private final DigitalInput in;
    private final DigitalState pressed;
    private final long holdNanos;
    private final String label;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Consumer<CaptureRequest> onCapture;
    private final DigitalStateChangeListener listener;
    private long pressGeneration;
    private long pressedAt;
    private boolean down;

    /**
     * A button on {@code in} ({@code activeLow}: pressed pulls the line low, the usual wiring with the
     * internal pull-up) calling {@code onCapture} after a hold of {@code hold}.
     */
    public CaptureButton(DigitalInput in, boolean activeLow, Duration hold, String label,
                         ScheduledExecutorService scheduler, LongSupplier clock, Consumer<CaptureRequest> onCapture) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("button hold time must be positive, got " + hold);
        }
        this.in = in;
        this.pressed = activeLow ? DigitalState.LOW : DigitalState.HIGH;
        this.holdNanos = hold.toNanos();
        this.label = label;
        this.scheduler = scheduler;
        this.clock = clock;
        this.onCapture = onCapture;
        this.listener = event -> changed(event.state());
        in.addListener(listener);
    }

    private synchronized void changed(DigitalState state) {
        boolean nowDown = state == pressed;
        if (nowDown == down) {
            return;
        }
        down = nowDown;
        long generation = ++pressGeneration;
        if (nowDown) {
            pressedAt = clock.getAsLong();
            scheduler.schedule(() -> holdElapsed(generation), holdNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void holdElapsed(long generation) {
        CaptureRequest request;
        synchronized (this) {
            if (generation != pressGeneration || !down) {
                return;
            }
            request = new CaptureRequest(label, pressedAt, Duration.ofNanos(clock.getAsLong() - pressedAt));
        }
        Logger.info("capture button held: capture '{}' requested", label);
        onCapture.accept(request);
    }

    /** Stops listening to the input. */
    @Override
    public void close() {
        in.removeListener(listener);
    }
}
