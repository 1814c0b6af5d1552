package dev.vigil.drivers.sensor;

import org.tinylog.Logger;

/**
 * Byte-wide registers of a chip on some bus. Implementations turn Pi4J failures (runtime exceptions
 * or negative return codes) into {@link BusException}s naming the device and register.
 */
public interface RegisterPort {

    /** Reads one register (0..255). */
    int read(int register) throws BusException;

    /** Reads {@code length} consecutive bytes starting at {@code register} (auto-increment or FIFO port). */
    void read(int register, byte[] into, int offset, int length) throws BusException;

    /** Writes one register. */
    void write(int register, int value) throws BusException;

    /** A name for messages, e.g. {@code "i2c-1@0x53"}. */
    String name();

    /**
     * Reads the identity register {@code register} (called {@code registerName} in the datasheet) and
     * fails unless it holds {@code expected}, the answer of a {@code chip}.
     */
    default void expectIdentity(int register, String registerName, int expected, String chip) throws BusException {
        int id = read(register);
        if (id != expected) {
            throw new BusException(name() + ": " + registerName + " reads 0x" + Integer.toHexString(id)
                    + ", an " + chip + " answers 0x" + Integer.toHexString(expected) + " (wrong address or chip?)");
        }
    }

    /** Writes one register when stopping; a failure is only logged, saying what could not be done. */
    default void writeOrWarn(int register, int value, String what) {
        try {
            write(register, value);
        } catch (BusException e) {
            Logger.warn("{}: could not {}: {}", name(), what, e.getMessage());
        }
    }
}
