package dev.vigil.drivers.sensor;

import com.pi4j.io.i2c.I2C;

/** Registers over Pi4J I2C: a register-address write followed by a (repeated-start) read. */
public final class I2cRegisterPort implements RegisterPort {
    private final I2C i2c;
    private final String name;

    /** Registers of the device {@code i2c} is bound to. */
    public I2cRegisterPort(I2C i2c) {
        this.i2c = i2c;
        this.name = "i2c-" + i2c.bus() + "@0x" + Integer.toHexString(i2c.device());
    }

    @Override
    public int read(int register) throws BusException {
        int value;
        try {
            value = i2c.readRegister(register);
        } catch (RuntimeException e) {
            throw new BusException(name + ": reading register 0x" + Integer.toHexString(register) + " failed: "
                    + e.getMessage(), e);
        }
        if (value < 0) {
            throw new BusException(name + ": reading register 0x" + Integer.toHexString(register)
                    + " returned error " + value);
        }
        return value & 0xFF;
    }

    @Override
    public void read(int register, byte[] into, int offset, int length) throws BusException {
        int got;
        try {
            got = i2c.readRegister(register, into, offset, length);
        } catch (RuntimeException e) {
            throw new BusException(name + ": reading " + length + " bytes from register 0x"
                    + Integer.toHexString(register) + " failed: " + e.getMessage(), e);
        }
        if (got != length) {
            throw new BusException(name + ": reading " + length + " bytes from register 0x"
                    + Integer.toHexString(register) + " returned " + got);
        }
    }

    @Override
    public void write(int register, int value) throws BusException {
        int put;
        try {
            put = i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new BusException(name + ": writing register 0x" + Integer.toHexString(register) + " failed: "
                    + e.getMessage(), e);
        }
        if (put < 0) {
            throw new BusException(name + ": writing register 0x" + Integer.toHexString(register)
                    + " returned error " + put);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
