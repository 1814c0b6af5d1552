package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code mpu6050}: an MPU-6050 accelerometer on I2C ({@code i2c-bus}, {@code address} 0x68 or 0x69),
 * with {@code range-g} (2, 4, 8, 16) and {@code rate-hz} = 1000 / (1 + n), n = 0..255.
 */
public final class Mpu6050Provider extends Pi4jSourceProvider {
    private static final String ID = "mpu6050";
    private static final String DESCRIPTION = "MPU-6050 accelerometer on I2C (FIFO, m/s^2)";

    /** For {@link java.util.ServiceLoader}. */
    public Mpu6050Provider() {
        super(ID, DESCRIPTION);
    }

    /** For tests: a given context and clock. */
    public Mpu6050Provider(Supplier<Context> context, TimeBase time) {
        super(ID, DESCRIPTION, context, time);
    }

    @Override
    protected Opener configure(Settings s) {
        int bus = s.integer("i2c-bus", 1, 0, 31);
        int address = s.i2cAddress(Mpu6050Registers.I2C_ADDRESS, Mpu6050Registers.I2C_ADDRESS_ALT, "MPU-6050");
        int range = Integer.parseInt(s.oneOf("range-g", "8", List.of("2", "4", "8", "16")));
        double rate = s.number("rate-hz", 500, 1000.0 / 256, 1000);
        int divider = Mpu6050.dividerFor(rate);
        if (divider < 0) {
            throw s.bad("rate-hz", String.valueOf(rate), "must be 1000 / (1 + n) Hz for n in 0..255 (within 1 %)");
        }
        return new Opener(1000.0 / (1 + divider), (ctx, time, streamId, batchFrames, policy) -> {
            I2C i2c = i2c(ctx, "mpu6050", bus, address);
            return new GuardedSampleSource(new Mpu6050(new I2cRegisterPort(i2c), time, range, divider, streamId),
                    batchFrames, policy, time, releaser(ctx, i2c.id(), i2c));
        });
    }
}
