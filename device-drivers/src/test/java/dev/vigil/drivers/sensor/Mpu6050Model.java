package dev.vigil.drivers.sensor;

/**
 * Register-level MPU-6050 (register map rev. 4.2): WHO_AM_I, PWR_MGMT_1 (reset, sleep), CONFIG,
 * SMPLRT_DIV, ACCEL_CONFIG, FIFO_EN, USER_CTRL, INT_STATUS, FIFO_COUNT and FIFO_R_W. With the
 * accelerometer enabled in the FIFO, each sample adds six big-endian bytes at 1 kHz (8 kHz with the
 * DLPF off) / (1 + SMPLRT_DIV), from a recorded signal in g scaled by AFS_SEL. A full 1024-byte FIFO
 * drops its oldest byte and sets FIFO_OFLOW_INT.
 */
final class Mpu6050Model implements RegisterChip {
    private final SimulatedTime time;
    private final double[] signal;
    private final FaultSwitch faults;
    private final int[] regs = new int[128];
    private final byte[] fifo = new byte[1024];
    private int head;
    private int count;
    private boolean overflow;
    private long nextSampleNanos;
    private int sampleIndex;

    Mpu6050Model(SimulatedTime time, double[] signal) {
        this.time = time;
        this.signal = signal;
        this.faults = new FaultSwitch(time);
        reset();
    }

    private void reset() {
        java.util.Arrays.fill(regs, 0);
        regs[0x6B] = 0x40;
        regs[0x75] = 0x68;
        count = 0;
        head = 0;
        overflow = false;
    }

    FaultSwitch faults() {
        return faults;
    }

    int register(int r) {
        return regs[r];
    }

    /** The count for sample {@code i}, axis {@code a}: x = signal, y = -signal, z = 1 g + signal / 2. */
    short countOf(int axis, int i) {
        double g = signal[i % signal.length];
        double v = axis == 0 ? g : axis == 1 ? -g : 1 + g / 2;
        double lsbPerG = 16384.0 / (1 << ((regs[0x1C] >> 3) & 0b11));
        return (short) Math.max(-32768, Math.min(32767, Math.round(v * lsbPerG)));
    }

    private boolean sampling() {
        return (regs[0x6B] & 0x40) == 0 && (regs[0x6A] & 0x40) != 0 && (regs[0x23] & 0x08) != 0;
    }

    private long periodNanos() {
        int dlpf = regs[0x1A] & 0b111;
        double base = dlpf == 0 || dlpf == 7 ? 8000 : 1000;
        return Math.round(1e9 * (1 + regs[0x19]) / base);
    }

    private void advance() {
        long now = time.nanos();
        if (!sampling()) {
            nextSampleNanos = now + periodNanos();
            return;
        }
        while (nextSampleNanos <= now) {
            for (int a = 0; a < 3; a++) {
                short c = countOf(a, sampleIndex);
                push((byte) (c >> 8));
                push((byte) c);
            }
            sampleIndex++;
            nextSampleNanos += periodNanos();
        }
    }

    private void push(byte b) {
        if (count == fifo.length) {
            head = (head + 1) % fifo.length;
            count--;
            overflow = true;
        }
        fifo[(head + count) % fifo.length] = b;
        count++;
    }

    @Override
    public int readRegister(int register) {
        faults.check("read 0x" + Integer.toHexString(register));
        advance();
        if (register == 0x3A) {
            int v = overflow ? 0x10 : 0;
            overflow = false;
            return v;
        }
        if (register == 0x74) {
            return pop();
        }
        return regs[register];
    }

    private int pop() {
        if (count == 0) {
            throw new AssertionError("driver read an empty FIFO");
        }
        int b = fifo[head] & 0xFF;
        head = (head + 1) % fifo.length;
        count--;
        return b;
    }

    @Override
    public void readBurst(int register, byte[] into, int offset, int length) {
        faults.check("burst read 0x" + Integer.toHexString(register));
        advance();
        if (register == 0x74) {
            for (int i = 0; i < length; i++) {
                into[offset + i] = (byte) pop();
            }
        } else if (register == 0x72 && length == 2) {
            into[offset] = (byte) (count >> 8);
            into[offset + 1] = (byte) count;
        } else {
            for (int i = 0; i < length; i++) {
                into[offset + i] = (byte) regs[register + i];
            }
        }
    }

    @Override
    public void writeRegister(int register, int value) {
        faults.check("write 0x" + Integer.toHexString(register));
        advance();
        if (register == 0x6B && (value & 0x80) != 0) {
            reset();
            return;
        }
        if (register == 0x6A && (value & 0x04) != 0) {
            count = 0;
            head = 0;
            overflow = false;
            value &= ~0x04;
        }
        regs[register] = value;
        advance();
    }
}
