package dev.vigil.drivers.sensor;

import com.pi4j.io.spi.Spi;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

/**
 * One single-ended channel of an MCP3008 10-bit ADC on SPI, sampled at a configured rate. The chip
 * has no buffer, so {@link #read} paces itself, converting at each sample instant; if it falls more
 * than 100 ms behind it skips ahead and counts an overrun. Uses the three-byte transfer of the
 * datasheet's "Using the MCP3004/3008 with MCU SPI ports": {@code 0x01} (start bit),
 * {@code 0b1ccc_0000} (SGL/DIFF = 1, channel), {@code 0x00}; the answer's second byte holds the null
 * bit (bit 2) and B9..B8, the third byte B7..B0.
 */
public final class Mcp3008 implements FrameReader {
    /** First byte: seven leading zeros and the start bit. */
    static final int START = 0b0000_0001;
    /** Second byte, bit 7: single-ended conversion. */
    static final int SINGLE_ENDED = 0b1000_0000;
    /** Answer's second byte: the null bit the chip drives low before B9. */
    static final int NULL_BIT = 0b0000_0100;
    private static final long MAX_LAG_NANOS = 100_000_000L;

    /** What the samples mean. */
    public enum Output {
        /** Volts, 0..vref (a piezo or other analog vibration sensor). */
        VOLTS,
        /** Full scale, -1..1 around mid-scale (a microphone with a mid-rail bias). */
        FULL_SCALE
    }

    private final Spi spi;
    private final String busName;
    private final int channel;
    private final double vref;
    private final Output output;
    private final TimeBase time;
    private final StreamDescriptor stream;
    private final long periodNanos;
    private final byte[] tx = new byte[3];
    private final byte[] rx = new byte[3];
    private long dueNanos;
    private long overruns;

    /** Channel {@code channel} (0..7) of the chip behind {@code spi}, sampled at {@code rateHz}. */
    public Mcp3008(Spi spi, String busName, int channel, double vref, double rateHz, Output output, TimeBase time,
                   int streamId) {
        if (channel < 0 || channel > 7) {
            throw new IllegalArgumentException("MCP3008 channel " + channel + " outside 0..7");
        }
        this.spi = spi;
        this.busName = busName;
        this.channel = channel;
        this.vref = vref;
        this.output = output;
        this.time = time;
        this.periodNanos = Math.round(1e9 / rateHz);
        StreamKind kind = output == Output.VOLTS ? StreamKind.VIBRATION : StreamKind.AUDIO;
        this.stream = StreamDescriptor.sampled(streamId, kind, "mcp3008 ch" + channel, rateHz, 1,
                output == Output.VOLTS ? "V" : "FS");
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    @Override
    public void start() throws BusException {
        convert();
        dueNanos = time.nanos();
    }

    /** One conversion: the 10-bit code 0..1023. */
    int convert() throws BusException {
        tx[0] = START;
        tx[1] = (byte) (SINGLE_ENDED | (channel << 4));
        tx[2] = 0;
        int n;
        try {
            n = spi.transfer(tx, 0, rx, 0, 3);
        } catch (RuntimeException e) {
            throw new BusException(busName + ": MCP3008 transfer failed: " + e.getMessage(), e);
        }
        if (n != 3) {
            throw new BusException(busName + ": MCP3008 transfer moved " + n + " of 3 bytes");
        }
        if ((rx[1] & NULL_BIT) != 0) {
            throw new BusException(busName + ": MCP3008 null bit is high (answer 0x"
                    + Integer.toHexString(rx[1] & 0xFF) + "): no chip on this chip select?");
        }
        return ((rx[1] & 0b11) << 8) | (rx[2] & 0xFF);
    }

    @Override
    public int read(float[] dest, int offsetFrames, int maxFrames) throws BusException {
        for (int i = 0; i < maxFrames; i++) {
            long now = time.nanos();
            if (now - dueNanos > MAX_LAG_NANOS) {
                overruns++;
                dueNanos = now;
            } else if (dueNanos > now) {
                time.sleepNanos(dueNanos - now);
            }
            int code = convert();
            dest[offsetFrames + i] = output == Output.VOLTS ? (float) (code * vref / 1024.0)
                    : (code - 512) / 512f;
            dueNanos += periodNanos;
        }
        return maxFrames;
    }

    @Override
    public long nanosUntil(int frames) {
        return 0;
    }

    @Override
    public long overruns() {
        return overruns;
    }

    @Override
    public void stop() {
        // The MCP3008 powers down between conversions by itself.
    }

    @Override
    public String name() {
        return "mcp3008 " + busName + " ch" + channel;
    }
}
