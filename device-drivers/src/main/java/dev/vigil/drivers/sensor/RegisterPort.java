package dev.vigil.drivers.sensor;

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
}
