package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code mcp3008}: one channel of an MCP3008 ADC on SPI ({@code spi-bus}, {@code chip-select},
 * {@code spi-hz} up to 3.6 MHz, {@code channel} 0..7), sampled at {@code rate-hz}; {@code output:
 * volts} (vibration, 0..{@code vref} V) or {@code full-scale} (audio, -1..1).
 */
public final class Mcp3008Provider extends Pi4jSourceProvider {
    private static final String ID = "mcp3008";
    private static final String DESCRIPTION = "MCP3008 10-bit ADC channel on SPI (piezo or analog microphone) at a configured rate";

    /** For {@link java.util.ServiceLoader}. */
    public Mcp3008Provider() {
        super(ID, DESCRIPTION);
    }

    /** For tests: a given context and clock. */
    public Mcp3008Provider(Supplier<Context> context, TimeBase time) {
        super(ID, DESCRIPTION, context, time);
    }

    @Override
    protected Opener configure(Settings s) {
        int bus = s.integer("spi-bus", 0, 0, 6);
        int cs = s.integer("chip-select", 0, 0, 10);
        int hz = s.integer("spi-hz", 1_350_000, 10_000, 3_600_000);
        int channel = s.integer("channel", 0, 0, 7);
        double vref = s.number("vref", 3.3, 2.7, 5.5);
        double rate = s.number("rate-hz", 1000, 1, 50_000);
        Mcp3008.Output output = s.oneOf("output", "volts", List.of("volts", "full-scale")).equals("volts")
                ? Mcp3008.Output.VOLTS : Mcp3008.Output.FULL_SCALE;
        return new Opener(rate, (ctx, time, streamId, batchFrames, policy) -> {
            Spi spi = spi(ctx, "mcp3008", bus, cs, hz, SpiMode.MODE_0);
            Mcp3008 adc = new Mcp3008(spi, "spi-" + bus + "." + cs, channel, vref, rate, output, time, streamId);
            return new GuardedSampleSource(adc, batchFrames, policy, time, releaser(ctx, spi.id(), spi));
        });
    }
}
