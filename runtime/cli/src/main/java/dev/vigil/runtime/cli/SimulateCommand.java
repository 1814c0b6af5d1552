package dev.vigil.runtime.cli;

import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.CompiledFrontEnd;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.simulate.Simulation;
import dev.vigil.runtime.simulate.SimulationResult;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.runtime.simulate.SpikeInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code vigil simulate}: runs a NIR model compiled for a device, or a model bundle's lane, on input spikes from a file, and
 * writes every output neuron's spike steps and counts (CSV) and the device's activity and energy.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a NIR model or a model bundle's lane on a HAL device over input spikes, step by step.",
                "Writes every output neuron's spike steps and count (CSV), then the device's activity and energy "
                        + "('# ' lines). Input: " + SpikeInputs.SUPPORTED + "."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model: a NIR graph (.nir, HDF5) or a model bundle (.vigil)")
    private Path model;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "input spikes (CSV or NPY)")
    private Path input;

    @Option(names = "--device", paramLabel = "ID", defaultValue = "reference",
            description = "HAL device (default ${DEFAULT-VALUE}; see 'vigil devices')")
    private String device;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "0.001",
            description = "timestep used to discretise a NIR graph's time constants (default ${DEFAULT-VALUE} s;"
                    + " a bundle's lane keeps the step it was compiled with)")
    private double dt;

    @Option(names = "--sensor", paramLabel = "SENSOR",
            description = "the bundle's lane to take (dvs, audio or vibration; needed when it holds several)")
    private String sensor;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "steps to run, at least the input's (default: the input's)")
    private int steps;

    @Option(names = "--out", paramLabel = "FILE", description = "write the spike CSV here instead of standard output")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        NeuromorphicDevice hal = DeploymentOptions.device(device);
        if (steps < 0) {
            throw new UserError("--steps " + steps + " is refused: must be 0 or more");
        }
        CompilationResult compiled = NirModels.load(model, hal, dt, sensor);
        SpikeInput spikes = readInput(compiled);
        SimulationResult result;
        try {
            result = Simulation.run(compiled, hal, spikes, steps);
        } catch (DoesNotFitException e) {
            throw new UserError(model + " does not fit: " + e.getMessage());
        }
        String csv = csv(result);
        if (out != null) {
            try {
                Files.writeString(out, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + out + ": " + e.getMessage());
            }
        } else {
            stdout.print(csv);
        }
        summary(stdout, compiled, spikes, result);
        stdout.flush();
        return 0;
    }

    private SpikeInput readInput(CompiledFrontEnd compiled) throws UserError {
        if (!Files.isRegularFile(input)) {
            throw new UserError("input file not found: " + input);
        }
        try {
            return SpikeInputs.read(input, compiled.inputShape());
        } catch (IOException e) {
            throw new UserError(e.getMessage() + " (the model takes " + Arrays.toString(compiled.inputShape())
                    + " per step; recordings run through a lane's encoder in 'vigil replay')");
        }
    }

    /** One row per output neuron: index, readout name, count, spike steps separated by spaces. */
    private static String csv(SimulationResult r) {
        StringWriter w = new StringWriter();
        w.append("neuron,readout,count,spike_steps\n");
        for (int n = 0; n < r.readouts().size(); n++) {
            w.append(Integer.toString(n)).append(',').append(r.readouts().get(n)).append(',')
                    .append(Integer.toString(r.count(n))).append(',')
                    .append(Arrays.stream(r.spikeSteps(n)).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        return w.toString();
    }

    private static void summary(PrintWriter out, CompilationResult compiled, SpikeInput spikes, SimulationResult r) {
        ActivityCounts c = r.counts();
        out.printf(Locale.ROOT, "# device %s: %d steps of %s s, %d input events, %d output spikes, %d cores%n",
                r.device(), r.steps(), Double.toString(compiled.dt()), spikes.total(), c.outputSpikes(),
                compiled.program().coresUsed());
        out.printf(Locale.ROOT, "# activity: %d synaptic ops, %d neuron updates (%d active), %d spikes routed,"
                + " %d mesh hops%n", c.synapticOps(), c.neuronUpdates(), c.activeNeuronUpdates(), c.spikesRouted(),
                c.meshHops());
        out.printf(Locale.ROOT, "# energy: %.6g J (%s)%n", r.joules(),
                compiled.program().target().energy().source());
    }
}
