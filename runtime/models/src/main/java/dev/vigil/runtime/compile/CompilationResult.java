package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.CompiledProgram;

import java.util.List;

/**
 * An imported model quantised and placed onto a device.
 *
 * @param model      the quantised network and its error report
 * @param program    the network placed on the target's cores
 * @param inputShape the NIR Input node's shape
 * @param readouts   one name per output neuron, from the NIR Output node
 */
public record CompilationResult(QuantisedModel model, CompiledProgram program, int[] inputShape,
                                List<String> readouts) implements CompiledFrontEnd {

    public CompilationResult {
        inputShape = inputShape.clone();
        readouts = List.copyOf(readouts);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public double dt() {
        return model.dt();
    }

    /** Per-core utilisation followed by the quantisation report, ready to print. */
    public String report() {
        return program.utilisationReport() + "\n" + model.report().format();
    }
}
