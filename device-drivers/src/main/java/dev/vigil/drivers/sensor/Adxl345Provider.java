package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import dev.vigil.sensors.SensorSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code adxl345}: an ADXL345 on I2C ({@code interface: i2c}, {@code i2c-bus}, {@code address} 0x53 or
 * 0x1d) or SPI ({@code interface: spi}, {@code spi-bus}, {@code chip-select}, {@code spi-hz} up to
 * 5 MHz), with {@code range-g} (2, 4, 8, 16) and {@code rate-hz} (3200 ... 6.25).
 */
public final class Adxl345Provider extends Pi4jSourceProvider {

    /** For {@link java.util.ServiceLoader}. */
    public Adxl345Provider() {
    }

    /** For tests: a given context and clock. */
    public Adxl345Provider(Supplier<Context> context, TimeBase time) {
        super(context, time);
    }

    @Override
    public String id() {
        return "adxl345";
    }

    @Override
    public String description() {
        return "ADXL345 3-axis accelerometer on I2C or SPI (FIFO stream mode, m/s^2)";
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
            address = s.integer("address", Adxl345Registers.I2C_ADDRESS, 0, 0x7F);
            if (address != Adxl345Registers.I2C_ADDRESS && address != Adxl345Registers.I2C_ADDRESS_ALT) {
                throw s.bad("address", "0x" + Integer.toHexString(address), "an ADXL345 answers at 0x53 or 0x1d");
            }
            cs = 0;
            hz = 0;
        } else {
            bus = s.integer("spi-bus", 0, 0, 6);
            cs = s.integer("chip-select", 0, 0, 10);
            hz = s.integer("spi-hz", 5_000_000, 100_000, 5_000_000);
            address = 0;
        }
        return new Opener() {
            @Override
            public double sampleRate() {
                return rate;
            }

            @Override
            public SensorSource open(Context ctx, TimeBase time, int streamId, int batchFrames, RetryPolicy policy) {
                if (iface.equals("i2c")) {
                    I2C i2c = i2c(ctx, "adxl345", bus, address);
                    return new GuardedSampleSource(new Adxl345(new I2cRegisterPort(i2c), range, rate, streamId),
                            batchFrames, policy, time, releaser(ctx, i2c.id(), i2c));
                }
                Spi spi = spi(ctx, "adxl345", bus, cs, hz, SpiMode.MODE_3);
                RegisterPort port = new Adxl345SpiPort(spi, "spi-" + bus + "." + cs);
                return new GuardedSampleSource(new Adxl345(port, range, rate, streamId), batchFrames, policy, time,
                        releaser(ctx, spi.id(), spi));
            }
        };
    }
}
