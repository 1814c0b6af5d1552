package dev.vigil.drivers.sensor;

import static dev.vigil.drivers.sensor.Adxl345Registers.*;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

/**
 * ADXL345 3-axis accelerometer on I2C or SPI, in full resolution and FIFO stream mode; frames are
 * x, y, z in m/s². Polls FIFO_STATUS and drains the entries present with one 6-byte burst each.
 */
public final class Adxl345 implements FrameReader {
    /** Standard gravity in m/s² per g. */
    public static final double STANDARD_GRAVITY = 9.80665;
    private static final int WATERMARK = 16;

    private final RegisterPort port;
    private final int rangeG;
    private final double rateHz;
    private final StreamDescriptor stream;
    private final byte[] raw = new byte[6];
    private final float scale;
    private long overruns;

    /**
     * A driver for the chip behind {@code port}, measuring ±{@code rangeG} g at {@code rateHz}
     * (3200, 1600, ..., 6.25).
     */
    public Adxl345(RegisterPort port, int rangeG, double rateHz, int streamId) {
        if (rangeBits(rangeG) < 0) {
            throw new IllegalArgumentException("ADXL345 range ±" + rangeG + " g unsupported (2, 4, 8, 16)");
        }
        if (rateCode(rateHz) < 0) {
            throw new IllegalArgumentException("ADXL345 output data rate " + rateHz
                    + " Hz unsupported (3200, 1600, 800, 400, 200, 100, 50, 25, 12.5, 6.25)");
        }
        this.port = port;
        this.rangeG = rangeG;
        this.rateHz = rateHz;
        this.scale = (float) (STANDARD_GRAVITY / LSB_PER_G);
        this.stream = StreamDescriptor.sampled(streamId, StreamKind.VIBRATION, "adxl345", rateHz, 3, "m/s^2");
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    @Override
    public void start() throws BusException {
        port.expectIdentity(DEVID, "DEVID", DEVICE_ID, "ADXL345");
        port.write(POWER_CTL, 0);
        port.write(BW_RATE, rateCode(rateHz));
        int format = FULL_RES | rangeBits(rangeG);
        port.write(DATA_FORMAT, format);
        int readBack = port.read(DATA_FORMAT);
        if (readBack != format) {
            throw new BusException(port.name() + ": DATA_FORMAT reads back 0x" + Integer.toHexString(readBack)
                    + " after writing 0x" + Integer.toHexString(format));
        }
        port.write(FIFO_CTL, 0);
        port.write(FIFO_CTL, FIFO_STREAM | WATERMARK);
        port.write(POWER_CTL, MEASURE);
    }

    @Override
    public int read(float[] dest, int offsetFrames, int maxFrames) throws BusException {
        int entries = port.read(FIFO_STATUS) & FIFO_ENTRIES_MASK;
        if (entries >= FIFO_DEPTH && (port.read(INT_SOURCE) & OVERRUN) != 0) {
            overruns++;
        }
        int n = Math.min(entries, maxFrames);
        int at = offsetFrames * 3;
        for (int i = 0; i < n; i++) {
            port.read(DATAX0, raw, 0, 6);
            dest[at++] = (short) ((raw[0] & 0xFF) | (raw[1] << 8)) * scale;
            dest[at++] = (short) ((raw[2] & 0xFF) | (raw[3] << 8)) * scale;
            dest[at++] = (short) ((raw[4] & 0xFF) | (raw[5] << 8)) * scale;
        }
        return n;
    }

    @Override
    public long nanosUntil(int frames) {
        return (long) Math.ceil(Math.min(frames, FIFO_DEPTH / 2) * 1e9 / rateHz);
    }

    @Override
    public long overruns() {
        return overruns;
    }

    @Override
    public void stop() {
        port.writeOrWarn(POWER_CTL, 0, "put the ADXL345 in standby");
    }

    @Override
    public String name() {
        return "adxl345 " + port.name();
    }
}
