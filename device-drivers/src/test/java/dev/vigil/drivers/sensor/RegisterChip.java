package dev.vigil.drivers.sensor;

/** A register-level model of a chip, as seen from the bus. Failures are Pi4J runtime exceptions. */
interface RegisterChip {

    /** A single-register read. */
    int readRegister(int register);

    /** A burst read starting at {@code register}. */
    void readBurst(int register, byte[] into, int offset, int length);

    /** A single-register write. */
    void writeRegister(int register, int value);
}
