package dev.vigil.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/** Creates the Pi4J digital lines the GPIO helpers need, by BCM pin number. */
public final class GpioLines {
    private GpioLines() {
    }

    /** An output on BCM {@code pin}, starting (and left at shutdown) in {@code idle}. */
    public static DigitalOutput output(Context ctx, String id, int pin, DigitalState idle) {
        return ctx.create(DigitalOutput.newConfigBuilder(ctx).id(id).name(id + " (BCM " + pin + ")").address(pin)
                .initial(idle).shutdown(idle));
    }

    /** An input on BCM {@code pin} with {@code pull} and a debounce of {@code debounceUs} µs. */
    public static DigitalInput input(Context ctx, String id, int pin, PullResistance pull, long debounceUs) {
        return ctx.create(DigitalInput.newConfigBuilder(ctx).id(id).name(id + " (BCM " + pin + ")").address(pin)
                .pull(pull).debounce(debounceUs));
    }
}
