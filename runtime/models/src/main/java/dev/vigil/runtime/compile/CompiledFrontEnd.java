package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.CompiledProgram;

import java.util.List;

/**
 * A spiking front end ready to run: a network compiled for a device, the shape of the input it takes
 * and a name for each output neuron. Compiling a NIR graph makes one ({@link CompilationResult}); what
 * runs it ({@code vigil simulate}) asks for nothing more.
 */
public interface CompiledFrontEnd {

    /** The network placed on its device. */
    CompiledProgram program();

    /**
     * The shape of one step's input, e.g. {@code [2, 34, 34]} (polarity, y, x) or {@code [16]}; network
     * input {@code i} is element {@code i} of it in row-major order.
     */
    int[] inputShape();

    /** One name per output neuron, in output order. */
    List<String> readouts();

    /** Seconds per step the network was discretised with. */
    double dt();
}
