package dev.vigil.runtime.eval;

/**
 * The host board's power draw, for the energy of dense work run on its CPU: CPU-active time ×
 * ({@code loadedW} − {@code idleW}).
 *
 * @param name    board name
 * @param idleW   idle power, W
 * @param loadedW power under CPU load, W
 */
public record BoardPower(String name, double idleW, double loadedW) {

    public BoardPower {
        if (!(idleW >= 0) || !(loadedW >= idleW)) {
            throw new IllegalArgumentException("board power needs 0 <= idle <= loaded, got " + idleW + " and " + loadedW + " W");
        }
    }

    /**
     * A Raspberry Pi 4 Model B: about 2.7 W idle and 6.4 W under full CPU load (Raspberry Pi Ltd's
     * product brief and common bench measurements; the figures are 2.7 W and 6 W, used here).
     */
    public static BoardPower pi4() {
        return new BoardPower("Raspberry Pi 4", 2.7, 6.0);
    }

    /** Extra power while the CPU works. */
    public double activeW() {
        return loadedW - idleW;
    }
}
