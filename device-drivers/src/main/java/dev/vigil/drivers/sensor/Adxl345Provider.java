package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code adxl345}: an ADXL345 on I2C ({@code interface: i2c}, {@code i2c-bus}, {@code address} 0x53 or
 * 0x1d) or SPI ({@code interface: spi}, {@code spi-bus}, {@code chip-select}, {@code spi-hz} up to
 * 5 MHz), with {@code range-g} (2, 4, 8, 16) and {@code rate-hz} (3200 ... 6.25).
 */
public final class Adxl345Provider extends Pi4jSourceProvider {
    private static final String ID = "adxl345";
    private static final String DESCRIPTION = "ADXL345 3-axis accelerometer on I2C or SPI (FIFO stream mode, m/s^2)";

    /** For {@link java.util.ServiceLoader}. */
    public Adxl345Provider() {
        super(ID, DESCRIPTION);
    }

    /** For tests: a given context and clock. */
    public Adxl345Provider(Supplier<Context> context, TimeBase time) {
        super(ID, DESCRIPTION, context, time);
    }

    @Override
    protected Opener configure(Settings s) {
        String iface = s.oneOf("interface", "i2c", List.of("i2c", "spi"));
        int range = Integer.parseInt(s.oneOf("range-g", "16", List.of("2", "4", "8", "16")));
        double rate = s.number("rate-hz", 800, 6.25, 3200);
        if (Adxl345Registers.rateCode(rate) < 0) {
            throw s.bad("rate-hz", s.string("rate-hz", ""), "must be one of 3200, 1600, 800, 400, 200, 100, 50, 25, "
                    + "12.5, 6.25");
        }
        int bus;
        int address;
        int cs;
        int hz;
        if (iface.equals("i2c")) {
            bus = s.integer("i2c-bus", 1, 0, 31);
            address = s.i2cAddress(Adxl345Registers.I2C_ADDRESS, Adxl345Registers.I2C_ADDRESS_ALT, "ADXL345");
            cs = 0;
            hz = 0;
        } else {
            bus = s.integer("spi-bus", 0, 0, 6);
            cs = s.integer("chip-select", 0, 0, 10);
            hz = s.integer("spi-hz", 5_000_000, 100_000, 5_000_000);
            address = 0;
        }
        return new Opener(rate, (ctx, time, streamId, batchFrames, policy) -> {
            if (iface.equals("i2c")) {
                I2C i2c = i2c(ctx, "adxl345", bus, address);
                return new GuardedSampleSource(new Adxl345(new I2cRegisterPort(i2c), range, rate, streamId),
                        batchFrames, policy, time, releaser(ctx, i2c.id(), i2c));
            }
            Spi spi = spi(ctx, "adxl345", bus, cs, hz, SpiMode.MODE_3);
            RegisterPort port = new Adxl345SpiPort(spi, "spi-" + bus + "." + cs);
            return new GuardedSampleSource(new Adxl345(port, range, rate, streamId), batchFrames, policy, time,
                    releaser(ctx, spi.id(), spi));
        });
    }
}
