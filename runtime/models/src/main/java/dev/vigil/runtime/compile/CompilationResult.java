package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.CompiledProgram;

/**
 * An imported model quantised and placed onto a device.
 *
 * @param model   the quantised network and its error report
 * @param program the network placed on the target's cores
 */
public record CompilationResult(QuantisedModel model, CompiledProgram program) {

    /** Per-core utilisation followed by the quantisation report, ready to print. */
    public String report() {
        return program.utilisationReport() + "\n" + model.report().format();
    }
}
