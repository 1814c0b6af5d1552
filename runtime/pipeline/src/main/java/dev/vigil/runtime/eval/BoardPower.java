package dev.vigil.runtime.eval;

import java.util.List;
import java.util.Optional;

/**
 * A board's whole power draw: for the energy of dense work run on its CPU (CPU-active time ×
 * ({@code loadedW} − {@code idleW})), in {@code vigil eval} and in the board profiles. The figures of
 * every board Vigil knows live here and nowhere else. Both 0 when unknown.
 *
 * <p>Whole-board draw at 5 V with nothing on USB, stock OS; "idle" is the OS idle, "loaded" all cores
 * busy (stress). Sources: Jeff Geerling's Raspberry Pi power benchmarks (pidramble.com: 3B+ 1.9/5.1 W,
 * 4B 2.7/6.4 W, Zero 2 W 0.6/3.0 W; Pi 5 review 2023 about 2.7/7.0 W at the wall without fan load),
 * CM4 on the CM4 IO board 1.4/5.0 W (approximate). Generic Linux hosts: unknown.
 *
 * @param name    board name
 * @param idleW   OS idle power, W
 * @param loadedW power with all cores busy, W
 * @param source  where the figures come from
 */
public record BoardPower(String name, double idleW, double loadedW, String source) {

    /** Figures given without a source: labelled as an assumption. */
    public BoardPower(String name, double idleW, double loadedW) {
        this(name, idleW, loadedW, "assumption: figures given without a source");
    }

    private static final String GEERLING = "whole-board draw at 5 V, Jeff Geerling's Raspberry Pi power benchmarks (pidramble.com)";

    /** The board {@code vigil eval} assumes unless told otherwise. */
    public static final String DEFAULT_BOARD = "pi4b";

    private record Known(String id, BoardPower power) {
    }

    private static final List<Known> BOARDS = List.of(
            new Known("pi5", new BoardPower("Raspberry Pi 5", 2.7, 7.0, "at the wall without fan load, Jeff Geerling's Pi 5 review (2023)")),
            new Known("cm4", new BoardPower("Raspberry Pi Compute Module 4", 1.4, 5.0, "on the CM4 IO board, approximate (assumption)")),
            new Known("pi4b", new BoardPower("Raspberry Pi 4 Model B", 2.7, 6.4, GEERLING)),
            new Known("pi3bplus", new BoardPower("Raspberry Pi 3 Model B+", 1.9, 5.1, GEERLING)),
            new Known("zero2w", new BoardPower("Raspberry Pi Zero 2 W", 0.6, 3.0, GEERLING)),
            new Known("generic", new BoardPower("Generic Linux host", 0, 0, "unknown: CPU work not priced")));

    public BoardPower {
        if (!(idleW >= 0) || !(loadedW >= idleW)) {
            throw new IllegalArgumentException("board power needs 0 <= idle <= loaded, got " + idleW + " and " + loadedW + " W");
        }
    }

    /** The figures of board {@code id} (a board profile id such as {@code pi4b}), if Vigil knows it. */
    public static Optional<BoardPower> of(String id) {
        return BOARDS.stream().filter(k -> k.id().equals(id)).map(Known::power).findFirst();
    }

    /** The ids of every board with figures, for error messages. */
    public static List<String> ids() {
        return BOARDS.stream().map(Known::id).toList();
    }

    /** The same figures under another name. */
    public BoardPower named(String newName) {
        return new BoardPower(newName, idleW, loadedW, source);
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
