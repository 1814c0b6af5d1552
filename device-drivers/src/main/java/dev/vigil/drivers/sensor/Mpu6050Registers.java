package dev.vigil.drivers.sensor;

/**
 * MPU-6050 register addresses and bit fields (InvenSense RM-MPU-6000A-00 "MPU-6000/MPU-6050
 * Register Map and Descriptions", revision 4.2).
 */
public final class Mpu6050Registers {
    /** Register 25: sample rate = gyroscope output rate / (1 + SMPLRT_DIV). */
    public static final int SMPLRT_DIV = 0x19;
    /** Register 26: DLPF_CFG in bits 2..0. */
    public static final int CONFIG = 0x1A;
    /** Register 28: AFS_SEL in bits 4..3. */
    public static final int ACCEL_CONFIG = 0x1C;
    /** Register 35: which sensors go into the FIFO; bit 3 ACCEL_FIFO_EN. */
    public static final int FIFO_EN = 0x23;
    /** Register 58: interrupt status; bit 4 FIFO_OFLOW_INT. */
    public static final int INT_STATUS = 0x3A;
    /** Register 59: ACCEL_XOUT_H, first of the six big-endian accelerometer bytes. */
    public static final int ACCEL_XOUT_H = 0x3B;
    /** Register 106: bit 6 FIFO_EN, bit 2 FIFO_RESET. */
    public static final int USER_CTRL = 0x6A;
    /** Register 107: bit 7 DEVICE_RESET, bit 6 SLEEP, bits 2..0 CLKSEL; resets to 0x40. */
    public static final int PWR_MGMT_1 = 0x6B;
    /** Register 114: FIFO_COUNT[15:8]; 115 holds [7:0]. */
    public static final int FIFO_COUNTH = 0x72;
    /** Register 116: FIFO read/write port. */
    public static final int FIFO_R_W = 0x74;
    /** Register 117: reads {@link #WHO_AM_I_VALUE}. */
    public static final int WHO_AM_I = 0x75;
    /** WHO_AM_I content (bits 6..1 = 0b110100). */
    public static final int WHO_AM_I_VALUE = 0x68;

    /** DLPF_CFG = 1: accelerometer bandwidth 184 Hz, gyroscope output rate 1 kHz. */
    public static final int DLPF_184HZ = 0b001;
    /** Gyroscope output rate with the DLPF enabled, Hz (also the accelerometer output rate). */
    public static final double BASE_RATE_HZ = 1000.0;
    /** FIFO_EN ACCEL_FIFO_EN bit. */
    public static final int ACCEL_FIFO_EN = 0b0000_1000;
    /** USER_CTRL FIFO_EN bit. */
    public static final int USER_FIFO_EN = 0b0100_0000;
    /** USER_CTRL FIFO_RESET bit. */
    public static final int USER_FIFO_RESET = 0b0000_0100;
    /** PWR_MGMT_1 DEVICE_RESET bit. */
    public static final int DEVICE_RESET = 0b1000_0000;
    /** PWR_MGMT_1 SLEEP bit. */
    public static final int SLEEP = 0b0100_0000;
    /** PWR_MGMT_1 CLKSEL = 1: PLL with X-axis gyroscope reference. */
    public static final int CLKSEL_PLL_X = 0b001;
    /** INT_STATUS FIFO_OFLOW_INT bit. */
    public static final int FIFO_OFLOW = 0b0001_0000;
    /** FIFO size in bytes. */
    public static final int FIFO_BYTES = 1024;
    /** I2C address with AD0 low. */
    public static final int I2C_ADDRESS = 0x68;
    /** I2C address with AD0 high. */
    public static final int I2C_ADDRESS_ALT = 0x69;

    private Mpu6050Registers() {
    }

    /** AFS_SEL for ±{@code g} g (2, 4, 8, 16), or -1 if unsupported. */
    public static int afsSel(int g) {
        return switch (g) {
            case 2 -> 0;
            case 4 -> 1;
            case 8 -> 2;
            case 16 -> 3;
            default -> -1;
        };
    }

    /** Sensitivity in LSB/g for AFS_SEL {@code afsSel}: 16384, 8192, 4096, 2048. */
    public static double lsbPerG(int afsSel) {
        return 16384.0 / (1 << afsSel);
    }
}
