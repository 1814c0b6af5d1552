package dev.vigil.boards;

import dev.vigil.runtime.eval.BoardPower;

import java.util.List;
import java.util.Objects;

/**
 * What Vigil knows about one kind of board, read from {@code boards.yaml}.
 *
 * @param id            short id used in the config and on the command line, e.g. {@code pi4b}
 * @param name          human name
 * @param modelPrefixes starts of {@code /proc/device-tree/model} that identify the board
 * @param gpio          whether the board has a GPIO header Vigil drives
 * @param gpioChip      the GPIO character device of the header, e.g. {@code gpiochip0}
 * @param i2cBuses      I2C bus numbers on the header ({@code /dev/i2c-N})
 * @param spiDevices    SPI bus.chip-select pairs on the header ({@code /dev/spidevB.C})
 * @param pins          default BCM pins of the wake line, status LED and capture button
 * @param memoryMb      memory of the smallest variant, MB
 * @param heapMb        JVM heap for that variant, MB
 * @param queueBatches  capacity of the queues between pipeline stages, in batches
 */
public record BoardProfile(String id, String name, List<String> modelPrefixes, boolean gpio, String gpioChip,
                           List<Integer> i2cBuses, List<String> spiDevices, Pins pins, int memoryMb, int heapMb,
                           int queueBatches) {

    public BoardProfile {
        Objects.requireNonNull(id, "board id");
        modelPrefixes = modelPrefixes == null ? List.of() : List.copyOf(modelPrefixes);
        i2cBuses = i2cBuses == null ? List.of() : List.copyOf(i2cBuses);
        spiDevices = spiDevices == null ? List.of() : List.copyOf(spiDevices);
        gpioChip = gpioChip == null ? "" : gpioChip;
        if (heapMb <= 0 || queueBatches <= 0 || memoryMb <= 0) {
            throw new IllegalArgumentException("board " + id + ": memory-mb, heap-mb and queue-batches must be positive");
        }
    }

    /**
     * Default BCM pins; -1 where the board has none.
     *
     * @param wake      wake line output
     * @param statusLed status LED output
     * @param button    capture button input (to ground, internal pull-up)
     */
    public record Pins(int wake, int statusLed, int button) {
    }

    /** The board's power figures for energy reports, named after the board (unknown: both 0). */
    public BoardPower power() {
        return BoardPower.of(id).orElse(new BoardPower(name, 0, 0)).named(name);
    }

    /** Whether {@code model} (the device-tree model string) names this board. */
    public boolean matches(String model) {
        return modelPrefixes.stream().anyMatch(model::startsWith);
    }
}
