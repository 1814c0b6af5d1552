package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import com.pi4j.io.spi.SpiMode;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base of the providers of Pi4J sensors: reads the settings every live source shares
 * ({@code batch-frames}, {@code stream-id}, {@code recovery-ms}), refuses unknown keys before touching
 * a bus, and gets the Pi4J context from {@link Pi4jContextProvider} (or the one handed in by a test).
 */
public abstract class Pi4jSourceProvider implements SourceProvider {
    private final String id;
    private final String description;
    private final Supplier<Context> context;
    private final TimeBase time;

    /**
     * Provider {@code id} using the process's Pi4J context (from the boards module) and the system
     * clock.
     */
    protected Pi4jSourceProvider(String id, String description) {
        this(id, description, () -> Pi4jContextProvider.find().context(), TimeBase.SYSTEM);
    }

    /** Provider {@code id} using {@code context} and {@code time}. */
    protected Pi4jSourceProvider(String id, String description, Supplier<Context> context, TimeBase time) {
        this.id = id;
        this.description = description;
        this.context = context;
        this.time = time;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final SensorSource open(Map<String, String> settings) throws IOException {
        Settings s = new Settings(id(), settings);
        Opener opener = configure(s);
        double rate = opener.sampleRate();
        int batchFrames = s.integer("batch-frames", (int) Math.max(1, Math.round(rate / 20)), 1, 1 << 16);
        int streamId = s.integer("stream-id", 0, 0, 0xFFFF);
        int recoveryMs = s.integer("recovery-ms", 5000, 10, 3_600_000);
        s.requireAllUsed();
        RetryPolicy policy = new RetryPolicy(RetryPolicy.DEFAULT.attempts(), RetryPolicy.DEFAULT.firstBackoff(),
                RetryPolicy.DEFAULT.maxBackoff(), Duration.ofMillis(recoveryMs));
        return opener.step().open(context.get(), time, streamId, batchFrames, policy);
    }

    /** Reads this sensor's own settings from {@code s}, without touching any bus yet. */
    protected abstract Opener configure(Settings s);

    /**
     * The second step of opening, once all settings are known to be good: the sample rate the source
     * will run at (for the default batch size) and the step that creates the bus and the source.
     */
    protected record Opener(double sampleRate, OpenStep step) {
    }

    /** Creates the bus and the source. */
    @FunctionalInterface
    protected interface OpenStep {
        SensorSource open(Context ctx, TimeBase time, int streamId, int batchFrames, RetryPolicy policy)
                throws IOException;
    }

    /** An I2C device on {@code bus} at {@code address}, registered in {@code ctx} under a readable id. */
    protected static I2C i2c(Context ctx, String chip, int bus, int address) {
        return ctx.create(I2C.newConfigBuilder(ctx).id(chip + "-i2c-" + bus + "-" + Integer.toHexString(address))
                .name(chip + " on I2C bus " + bus).bus(bus).device(address));
    }

    /**
     * An SPI device on {@code bus}, chip select {@code cs} (the config's channel, i.e. its address:
     * linuxfs opens {@code /dev/spidev<bus>.<cs>}), in {@code mode} at {@code hz}.
     */
    protected static Spi spi(Context ctx, String chip, int bus, int cs, int hz, SpiMode mode) {
        return ctx.create(Spi.newConfigBuilder(ctx).id(chip + "-spi-" + bus + "-" + cs)
                .name(chip + " on SPI bus " + bus + " CS" + cs).bus(SpiBus.getByNumber(bus))
                .channel(cs).baud(hz).mode(mode));
    }

    /** Closes {@code io} and removes it from {@code ctx}'s registry if it is there, so it can be opened again. */
    protected static AutoCloseable releaser(Context ctx, String id, AutoCloseable io) {
        return () -> {
            if (ctx.registry().exists(id)) {
                ctx.shutdown(id);
            } else {
                io.close();
            }
        };
    }
}
