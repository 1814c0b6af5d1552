package dev.vigil.runtime.bundle;

import dev.vigil.runtime.compile.LayerQuantisation;
import dev.vigil.runtime.network.Network;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A compiled spiking front end: the integer network as the HAL runs it, what it was compiled for, the
 * shape of one step's input and a name per output neuron.
 *
 * @param device       the HAL device it was quantised and placed for (any device that holds it runs it
 *                     bit for bit alike)
 * @param dtSeconds    the step it was discretised with; the lane steps the device this often
 * @param inputShape   one step's input, row-major, e.g. {@code [2, 34, 34]} (polarity, y, x) or {@code [32]}
 * @param readouts     one name per output neuron, in output order
 * @param network      the integer network
 * @param quantisation what quantising each layer cost (empty for a network built in integers)
 */
public record FrontEnd(String device, double dtSeconds, List<Integer> inputShape, List<String> readouts, Network network,
                       List<LayerQuantisation> quantisation) {

    public FrontEnd {
        inputShape = List.copyOf(inputShape);
        readouts = List.copyOf(readouts);
        quantisation = List.copyOf(quantisation);
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("front end: device missing");
        }
        if (!(dtSeconds > 0) || Math.abs(dtSeconds * 1e6 - Math.rint(dtSeconds * 1e6)) > 1e-6 || Math.rint(dtSeconds * 1e6) < 1) {
            throw new IllegalArgumentException("front end: dt " + dtSeconds + " s is not a whole number of microseconds");
        }
        long size = 1;
        for (int d : inputShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("front end: input shape " + inputShape + " has a non-positive size");
            }
            size *= d;
        }
        if (inputShape.isEmpty() || size != network.inputs()) {
            throw new IllegalArgumentException("front end: input shape " + inputShape + " for a network of "
                    + network.inputs() + " inputs");
        }
        if (readouts.size() != network.outputs()) {
            throw new IllegalArgumentException("front end: " + readouts.size() + " readout names for "
                    + network.outputs() + " output neurons");
        }
        if (new HashSet<>(readouts).size() != readouts.size() || readouts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("front end: readout names must be distinct and not blank: " + readouts);
        }
    }

    /** The step in microseconds. */
    public long stepUs() {
        return Math.round(dtSeconds * 1e6);
    }

    /** The input shape as {@code 2x34x34}. */
    public String shape() {
        return String.join("x", inputShape.stream().map(String::valueOf).toList());
    }

    /** One line for logs: name, shape, readouts, step and target. */
    public String describe() {
        return String.format(Locale.ROOT, "front end '%s' (input %s, %d readouts, step %d us, compiled for '%s')",
                network.name(), shape(), readouts.size(), stepUs(), device);
    }
}
