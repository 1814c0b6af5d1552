package dev.vigil.runtime.eval;

/**
 * A board's whole power draw: for the energy of dense work run on its CPU (CPU-active time ×
 * ({@code loadedW} − {@code idleW})), and in the board profiles. Both 0 when unknown.
 *
 * @param name    board name
 * @param idleW   OS idle power, W
 * @param loadedW power with all cores busy, W
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

    /** Whether figures are known for this board. */
    public boolean known() {
        return loadedW > 0;
    }

    /** Extra power while the CPU works. */
    public double activeW() {
        return loadedW - idleW;
    }

    /** Average draw at CPU utilisation {@code load} (0..1), interpolating linearly. */
    public double wattsAt(double load) {
        double u = Math.max(0, Math.min(1, load));
        return idleW + u * (loadedW - idleW);
    }
}
