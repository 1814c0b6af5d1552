package dev.vigil.drivers.sensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Register-level ADXL345 (datasheet Rev. G): DEVID, BW_RATE, POWER_CTL, DATA_FORMAT, FIFO_CTL,
 * FIFO_STATUS, INT_SOURCE and the data registers. While measuring it takes samples at the output data
 * rate on simulated time from three recorded signals (in g), quantised at 256 LSB/g and clipped to
 * 13 bits, into a 32-entry FIFO that in stream mode drops its oldest entry when full (setting
 * Overrun). A 6-byte burst from DATAX0 pops one entry. Speaks I2C registers and the SPI framing.
 */
final class Adxl345Model implements RegisterChip, SpiChip {
    private final SimulatedTime time;
    private final double[][] axes;
    private final FaultSwitch faults;
    private final int[] regs = new int[64];
    private final short[][] fifo = new short[32][3];
    private final List<String> writes = new ArrayList<>();
    private int head;
    private int count;
    private boolean overrun;
    private boolean measuring;
    private long nextSampleNanos;
    private int sampleIndex;
    private int popped;

    Adxl345Model(SimulatedTime time, double[] x, double[] y, double[] z) {
        this.time = time;
        this.axes = new double[][] {x, y, z};
        this.faults = new FaultSwitch(time);
        regs[0x00] = 0xE5;
        regs[0x2C] = 0x0A;
    }

    FaultSwitch faults() {
        return faults;
    }

    int register(int r) {
        return regs[r];
    }

    List<String> writes() {
        return writes;
    }

    /** Samples popped from the FIFO so far. */
    int popped() {
        return popped;
    }

    /** The count the chip produced for sample {@code i} of axis {@code axis}. */
    short countOf(int axis, int i) {
        double g = axes[axis][i % axes[axis].length];
        return (short) Math.max(-4096, Math.min(4095, Math.round(g * 256)));
    }

    private long periodNanos() {
        double hz = 3200.0 / (1 << (0x0F - (regs[0x2C] & 0x0F)));
        return Math.round(1e9 / hz);
    }

    private void advance() {
        if (!measuring) {
            return;
        }
        long now = time.nanos();
        while (nextSampleNanos <= now) {
            short[] slot;
            if (count == 32) {
                head = (head + 1) % 32;
                count--;
                overrun = true;
            }
            slot = fifo[(head + count) % 32];
            for (int a = 0; a < 3; a++) {
                slot[a] = countOf(a, sampleIndex);
            }
            count++;
            sampleIndex++;
            nextSampleNanos += periodNanos();
        }
    }

    @Override
    public int readRegister(int register) {
        faults.check("read 0x" + Integer.toHexString(register));
        advance();
        return switch (register) {
            case 0x39 -> count;
            case 0x30 -> {
                int v = (overrun ? 0x01 : 0) | (count >= (regs[0x38] & 0x1F) ? 0x02 : 0) | (count > 0 ? 0x80 : 0);
                yield v;
            }
            default -> regs[register];
        };
    }

    @Override
    public void readBurst(int register, byte[] into, int offset, int length) {
        faults.check("burst read 0x" + Integer.toHexString(register));
        advance();
        if (register != 0x32 || length != 6) {
            for (int i = 0; i < length; i++) {
                into[offset + i] = (byte) regs[register + i];
            }
            return;
        }
        if (count == 0) {
            throw new AssertionError("driver read DATAX0 with an empty FIFO");
        }
        short[] slot = fifo[head];
        head = (head + 1) % 32;
        count--;
        popped++;
        overrun = false;
        for (int a = 0; a < 3; a++) {
            into[offset + 2 * a] = (byte) slot[a];
            into[offset + 2 * a + 1] = (byte) (slot[a] >> 8);
        }
    }

    @Override
    public void writeRegister(int register, int value) {
        faults.check("write 0x" + Integer.toHexString(register));
        advance();
        writes.add(String.format("%02X=%02X", register, value));
        regs[register] = value;
        if (register == 0x2D) {
            boolean measure = (value & 0x08) != 0;
            if (measure && !measuring) {
                nextSampleNanos = time.nanos() + periodNanos();
            }
            measuring = measure;
        } else if (register == 0x38 && (value >> 6) == 0) {
            count = 0;
            overrun = false;
        }
    }

    @Override
    public void transfer(byte[] tx, int txOffset, byte[] rx, int rxOffset, int length) {
        int command = tx[txOffset] & 0xFF;
        int address = command & 0x3F;
        boolean read = (command & 0x80) != 0;
        boolean multi = (command & 0x40) != 0;
        if (!read) {
            writeRegister(address, tx[txOffset + 1] & 0xFF);
            return;
        }
        if (multi) {
            readBurst(address, rx, rxOffset + 1, length - 1);
        } else {
            if (length != 2) {
                throw new AssertionError("single-byte SPI read of " + (length - 1) + " bytes");
            }
            rx[rxOffset + 1] = (byte) readRegister(address);
        }
    }
}
