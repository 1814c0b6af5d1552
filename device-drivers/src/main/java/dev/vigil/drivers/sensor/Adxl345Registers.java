package dev.vigil.drivers.sensor;

/**
 * ADXL345 register addresses and bit fields (Analog Devices ADXL345 datasheet, Rev. G, "Register
 * map" table and register definitions).
 */
public final class Adxl345Registers {
    /** Device ID, reads {@link #DEVICE_ID}. */
    public static final int DEVID = 0x00;
    /** Fixed device ID 0b1110_0101. */
    public static final int DEVICE_ID = 0xE5;
    /** Data rate and power mode; bits 3..0 rate code, bit 4 LOW_POWER. */
    public static final int BW_RATE = 0x2C;
    /** Power-saving features; bit 3 Measure. */
    public static final int POWER_CTL = 0x2D;
    /** Interrupt source; bit 1 Watermark, bit 0 Overrun. */
    public static final int INT_SOURCE = 0x30;
    /** Data format; bit 3 FULL_RES, bits 1..0 range. */
    public static final int DATA_FORMAT = 0x31;
    /** X-axis data 0 (LSB); DATAX0..DATAZ1 are 0x32..0x37, two's complement, little-endian. */
    public static final int DATAX0 = 0x32;
    /** FIFO control; bits 7..6 FIFO_MODE, bits 4..0 samples (watermark). */
    public static final int FIFO_CTL = 0x38;
    /** FIFO status; bits 5..0 entries. */
    public static final int FIFO_STATUS = 0x39;

    /** POWER_CTL Measure bit. */
    public static final int MEASURE = 0b0000_1000;
    /** DATA_FORMAT FULL_RES bit: 4 mg/LSB (256 LSB/g typical) at every range. */
    public static final int FULL_RES = 0b0000_1000;
    /** FIFO_CTL FIFO_MODE = Stream (0b10 in bits 7..6): keeps the last 32 samples. */
    public static final int FIFO_STREAM = 0b1000_0000;
    /** FIFO_STATUS entries mask. */
    public static final int FIFO_ENTRIES_MASK = 0b0011_1111;
    /** INT_SOURCE Overrun bit. */
    public static final int OVERRUN = 0b0000_0001;
    /** FIFO depth in samples. */
    public static final int FIFO_DEPTH = 32;
    /** Typical sensitivity in full resolution: 256 LSB/g (scale factor 3.9 mg/LSB). */
    public static final double LSB_PER_G = 256.0;
    /** I2C address with ALT ADDRESS low. */
    public static final int I2C_ADDRESS = 0x53;
    /** I2C address with ALT ADDRESS high. */
    public static final int I2C_ADDRESS_ALT = 0x1D;

    private Adxl345Registers() {
    }

    /** The BW_RATE rate code for {@code hz} (3200 down to 6.25 Hz, halving), or -1 if there is none. */
    public static int rateCode(double hz) {
        double r = 3200;
        for (int code = 0b1111; code >= 0b0110; code--, r /= 2) {
            if (Math.abs(r - hz) < 1e-9) {
                return code;
            }
        }
        return -1;
    }

    /** The DATA_FORMAT range bits for ±{@code g} g (2, 4, 8, 16), or -1 if unsupported. */
    public static int rangeBits(int g) {
        return switch (g) {
            case 2 -> 0b00;
            case 4 -> 0b01;
            case 8 -> 0b10;
            case 16 -> 0b11;
            default -> -1;
        };
    }
}
