package dev.vigil.drivers.sensor;

import static dev.vigil.drivers.sensor.Mpu6050Registers.*;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

/**
 * MPU-6050 accelerometer over I2C, streaming accelerometer samples through its 1024-byte FIFO; frames
 * are x, y, z in m/s². The digital low-pass filter is on (184 Hz), so the sample rate is
 * 1 kHz / (1 + SMPLRT_DIV).
 */
public final class Mpu6050 implements FrameReader {
    private static final int FRAME_BYTES = 6;
    private static final int BURST_FRAMES = 32;
    private static final long RESET_NANOS = 100_000_000L;

    private final RegisterPort port;
    private final TimeBase time;
    private final int afsSel;
    private final int divider;
    private final StreamDescriptor stream;
    private final float scale;
    private final byte[] count = new byte[2];
    private final byte[] raw = new byte[BURST_FRAMES * FRAME_BYTES];
    private long overruns;

    /**
     * A driver for the chip behind {@code port}, measuring ±{@code rangeG} g with sample-rate divider
     * {@code divider} (0..255: rate = 1000 / (1 + divider) Hz).
     */
    public Mpu6050(RegisterPort port, TimeBase time, int rangeG, int divider, int streamId) {
        if (afsSel(rangeG) < 0) {
            throw new IllegalArgumentException("MPU-6050 range ±" + rangeG + " g unsupported (2, 4, 8, 16)");
        }
        if (divider < 0 || divider > 255) {
            throw new IllegalArgumentException("MPU-6050 sample-rate divider " + divider + " outside 0..255");
        }
        this.port = port;
        this.time = time;
        this.afsSel = afsSel(rangeG);
        this.divider = divider;
        this.scale = (float) (Adxl345.STANDARD_GRAVITY / lsbPerG(afsSel));
        this.stream = StreamDescriptor.sampled(streamId, StreamKind.VIBRATION, "mpu6050",
                BASE_RATE_HZ / (1 + divider), 3, "m/s^2");
    }

    /** The divider whose rate is nearest {@code hz}, or -1 if no divider is within 1 % of it. */
    public static int dividerFor(double hz) {
        int div = (int) Math.round(BASE_RATE_HZ / hz) - 1;
        if (div < 0 || div > 255 || Math.abs(BASE_RATE_HZ / (1 + div) - hz) > hz * 0.01) {
            return -1;
        }
        return div;
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    @Override
    public void start() throws BusException {
        port.expectIdentity(WHO_AM_I, "WHO_AM_I", WHO_AM_I_VALUE, "MPU-6050");
        port.write(PWR_MGMT_1, DEVICE_RESET);
        time.sleepNanos(RESET_NANOS);
        port.write(PWR_MGMT_1, CLKSEL_PLL_X);
        port.write(CONFIG, DLPF_184HZ);
        port.write(SMPLRT_DIV, divider);
        port.write(ACCEL_CONFIG, afsSel << 3);
        port.write(FIFO_EN, ACCEL_FIFO_EN);
        port.write(USER_CTRL, USER_FIFO_RESET);
        port.write(USER_CTRL, USER_FIFO_EN);
    }

    @Override
    public int read(float[] dest, int offsetFrames, int maxFrames) throws BusException {
        port.read(FIFO_COUNTH, count, 0, 2);
        int bytes = ((count[0] & 0xFF) << 8) | (count[1] & 0xFF);
        if (bytes > FIFO_BYTES) {
            throw new BusException(port.name() + ": FIFO_COUNT reads " + bytes + ", more than the "
                    + FIFO_BYTES + "-byte FIFO");
        }
        if (bytes >= FIFO_BYTES - FRAME_BYTES && (port.read(INT_STATUS) & FIFO_OFLOW) != 0) {
            // An overflowed FIFO loses frame alignment (1024 is no multiple of 6): start it afresh.
            overruns++;
            port.write(USER_CTRL, USER_FIFO_EN | USER_FIFO_RESET);
            return 0;
        }
        int frames = Math.min(Math.min(bytes / FRAME_BYTES, maxFrames), BURST_FRAMES);
        if (frames == 0) {
            return 0;
        }
        port.read(FIFO_R_W, raw, 0, frames * FRAME_BYTES);
        int at = offsetFrames * 3;
        for (int b = 0; b < frames * FRAME_BYTES; b += 2) {
            dest[at++] = (short) ((raw[b] << 8) | (raw[b + 1] & 0xFF)) * scale;
        }
        return frames;
    }

    @Override
    public long nanosUntil(int frames) {
        return (long) Math.ceil(Math.min(frames, FIFO_BYTES / FRAME_BYTES / 2) * 1e9 / stream.sampleRate());
    }

    @Override
    public long overruns() {
        return overruns;
    }

    @Override
    public void stop() {
        port.writeOrWarn(PWR_MGMT_1, SLEEP, "put the MPU-6050 to sleep");
    }

    @Override
    public String name() {
        return "mpu6050 " + port.name();
    }
}
