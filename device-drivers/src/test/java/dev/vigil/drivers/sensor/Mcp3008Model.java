package dev.vigil.drivers.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * MCP3008 on SPI (datasheet DS21295, section 6.1): a transfer of 3 bytes whose first byte ends with
 * the start bit and whose second byte carries SGL/DIFF and D2..D0 answers with the null bit (0) and
 * B9..B8 in the second byte and B7..B0 in the third; the other bits are left high (floating DOUT).
 * The input of each channel is a function of simulated time in seconds, converted with
 * code = floor(1024 * vin / vref) clipped to 0..1023.
 */
final class Mcp3008Model implements SpiChip {
    private final SimulatedTime time;
    private final double vref;
    private final DoubleUnaryOperator[] inputs = new DoubleUnaryOperator[8];
    private final FaultSwitch faults;
    private final List<Long> conversionNanos = new ArrayList<>();
    private final List<Integer> codes = new ArrayList<>();
    private boolean absent;

    Mcp3008Model(SimulatedTime time, double vref) {
        this.time = time;
        this.vref = vref;
        this.faults = new FaultSwitch(time);
        java.util.Arrays.fill(inputs, (DoubleUnaryOperator) t -> 0);
    }

    Mcp3008Model input(int channel, DoubleUnaryOperator volts) {
        inputs[channel] = volts;
        return this;
    }

    /** Simulates an empty socket: MISO floats high. */
    void remove() {
        absent = true;
    }

    FaultSwitch faults() {
        return faults;
    }

    List<Long> conversionNanos() {
        return conversionNanos;
    }

    List<Integer> codes() {
        return codes;
    }

    @Override
    public void transfer(byte[] tx, int txOffset, byte[] rx, int rxOffset, int length) {
        faults.check("MCP3008 transfer");
        if (absent) {
            java.util.Arrays.fill(rx, rxOffset, rxOffset + length, (byte) 0xFF);
            return;
        }
        if (length != 3 || tx[txOffset] != 0x01 || (tx[txOffset + 1] & 0x80) == 0) {
            throw new AssertionError("not a single-ended 3-byte MCP3008 conversion");
        }
        int channel = (tx[txOffset + 1] >> 4) & 0b111;
        double t = time.nanos() / 1e9;
        int code = (int) Math.max(0, Math.min(1023, Math.floor(1024 * inputs[channel].applyAsDouble(t) / vref)));
        conversionNanos.add(time.nanos());
        codes.add(code);
        rx[rxOffset] = (byte) 0xFF;
        rx[rxOffset + 1] = (byte) (0b1111_1000 | (code >> 8));
        rx[rxOffset + 2] = (byte) code;
    }
}
