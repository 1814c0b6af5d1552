package dev.vigil.drivers.sensor;

/** A model of a chip on SPI: one full-duplex transfer with chip select held low. */
interface SpiChip {

    /** Clocks {@code length} bytes out of {@code tx} while the chip answers into {@code rx}. */
    void transfer(byte[] tx, int txOffset, byte[] rx, int rxOffset, int length);
}
