package dev.vigil.drivers.sensor;

import com.pi4j.io.spi.Spi;

/**
 * ADXL345 registers over 4-wire SPI (mode 3, at most 5 MHz). The first byte carries the register
 * address in bits 5..0, bit 7 set for a read and bit 6 set for a multi-byte transfer (ADXL345
 * datasheet, "SPI" section); the chip answers from the second byte on. Buffers are reused.
 */
public final class Adxl345SpiPort implements RegisterPort {
    /** Bit 7 of the command byte: read. */
    static final int READ = 0b1000_0000;
    /** Bit 6 of the command byte: multiple bytes, address auto-increments. */
    static final int MULTI_BYTE = 0b0100_0000;
    /** Bits 5..0 of the command byte: register address. */
    static final int ADDRESS_MASK = 0b0011_1111;

    private final Spi spi;
    private final String name;
    private final byte[] tx = new byte[8];
    private final byte[] rx = new byte[8];

    /** Registers of the ADXL345 selected by {@code spi}. */
    public Adxl345SpiPort(Spi spi, String name) {
        this.spi = spi;
        this.name = name;
    }

    @Override
    public int read(int register) throws BusException {
        transfer(READ | (register & ADDRESS_MASK), 1, register);
        return rx[1] & 0xFF;
    }

    @Override
    public void read(int register, byte[] into, int offset, int length) throws BusException {
        if (length + 1 > tx.length) {
            throw new IllegalArgumentException("SPI burst of " + length + " bytes exceeds " + (tx.length - 1));
        }
        transfer(READ | MULTI_BYTE | (register & ADDRESS_MASK), length, register);
        System.arraycopy(rx, 1, into, offset, length);
    }

    @Override
    public void write(int register, int value) throws BusException {
        tx[1] = (byte) value;
        transfer(register & ADDRESS_MASK, 1, register);
    }

    private void transfer(int command, int dataBytes, int register) throws BusException {
        tx[0] = (byte) command;
        if ((command & READ) != 0) {
            java.util.Arrays.fill(tx, 1, 1 + dataBytes, (byte) 0);
        }
        int n;
        try {
            n = spi.transfer(tx, 0, rx, 0, dataBytes + 1);
        } catch (RuntimeException e) {
            throw new BusException(name + ": SPI transfer at register 0x" + Integer.toHexString(register)
                    + " failed: " + e.getMessage(), e);
        }
        if (n != dataBytes + 1) {
            throw new BusException(name + ": SPI transfer at register 0x" + Integer.toHexString(register)
                    + " moved " + n + " of " + (dataBytes + 1) + " bytes");
        }
    }

    @Override
    public String name() {
        return name;
    }
}
