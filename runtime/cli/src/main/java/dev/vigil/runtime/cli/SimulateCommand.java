package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.BandEncoding;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.EncoderSettings;
import dev.vigil.runtime.bundle.EventEncoding;
import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.CompiledFrontEnd;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.LaneMismatchException;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.runtime.simulate.Simulation;
import dev.vigil.runtime.simulate.SimulationResult;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.runtime.simulate.SpikeInputs;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.SpikeEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code vigil simulate}: runs a NIR model compiled for a device, or a model bundle's lane, on input spikes from a file, and
 * writes every output neuron's spike steps and counts (CSV) and the device's activity and energy.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a NIR model or a model bundle's lane on a HAL device over input spikes or a recording, step by step.",
                "Writes every output neuron's spike steps and count (CSV), then the device's activity and energy "
                        + "('# ' lines). Input: " + SpikeInputs.SUPPORTED + "; or a recording (any format 'vigil replay' "
                        + "reads), one stream of which runs through the encoder of its sensor's lane (a bundle's lane: the "
                        + "settings it holds; a NIR graph: the sensors section of --config) into input spikes per step."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model: a NIR graph (.nir, HDF5) or a model bundle (.vigil)")
    private Path model;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "input spikes (CSV step,channel or step,polarity,y,x,count; NPY), or a recording (.vlog, AEDAT,"
                    + " EVT, DAT, N-MNIST, WAV, CSV, .mat) to run through the lane's encoder")
    private Path input;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config whose sensors.<sensor> section sets up the encoder of a recording for a NIR graph"
                    + " (defaults otherwise; a bundle's lane keeps the encoder settings it holds)")
    private Path config;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Option(names = "--device", paramLabel = "ID", defaultValue = "reference",
            description = "HAL device (default ${DEFAULT-VALUE}; see 'vigil devices')")
    private String device;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "0.001",
            description = "timestep used to discretise a NIR graph's time constants (default ${DEFAULT-VALUE} s;"
                    + " a bundle's lane keeps the step it was compiled with)")
    private double dt;

    @Option(names = "--sensor", paramLabel = "SENSOR",
            description = "the bundle's lane to take (dvs, audio or vibration; needed when it holds several); for a NIR"
                    + " graph on a recording, the lane whose encoder feeds it (default: dvs for an input of shape [2, H, W]"
                    + " or [1, H, W], else the recording's first audio or vibration stream)")
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
        boolean recording = isRecording();
        CompilationResult compiled;
        FrontEnd front;
        BundleLane lane = null;
        if (NirModels.isNir(model)) {
            if (sensor != null && !recording) {
                throw new UserError("--sensor " + sensor + " is refused: " + model + " is a NIR graph with one input and "
                        + input + " holds input spikes; --sensor picks a lane of a model bundle, or the stream of a recording");
            }
            compiled = NirModels.compile(model, hal, dt);
            front = frontEnd(compiled, hal);
        } else {
            lane = NirModels.lane(model, sensor);
            compiled = NirModels.compile(lane, hal);
            front = lane.frontEnd();
        }
        RecordingInput encoded = recording ? encode(front, lane) : null;
        SpikeInput spikes = encoded != null ? encoded.spikes() : readInput(compiled);
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
        if (encoded != null) {
            StreamDescriptor s = encoded.stream();
            stdout.printf(Locale.ROOT, "# input: %s stream %d '%s' (%s) through %s, step 0 at %d us%n", input, s.id(), s.name(),
                    s.kind().label(), encoded.encoder(), encoded.originUs());
        }
        summary(stdout, compiled, spikes, result);
        stdout.flush();
        return 0;
    }

    /** Whether {@code --input} is a recording rather than a file of input spikes. */
    private boolean isRecording() throws UserError {
        if (!Files.isRegularFile(input)) {
            throw new UserError("input file not found: " + input);
        }
        try {
            return !SpikeInputs.isSpikeFile(input);
        } catch (IOException e) {
            throw new UserError("cannot read " + input + ": " + e.getMessage());
        }
    }

    /** A NIR graph's compiled network as a front end, to size the encoder of a recording. */
    private static FrontEnd frontEnd(CompilationResult compiled, NeuromorphicDevice hal) throws UserError {
        try {
            return new FrontEnd(hal.capabilities().id(), compiled.dt(), Arrays.stream(compiled.inputShape()).boxed().toList(),
                    compiled.readouts(), compiled.model().network(), compiled.model().report().layers());
        } catch (IllegalArgumentException e) {
            throw new UserError("--dt " + compiled.dt() + " is refused for a recording: " + e.getMessage());
        }
    }

    /**
     * The recording's stream for {@code front} (of {@code lane}, or of a NIR graph when null) through the encoder
     * that lane runs in replay.
     */
    private RecordingInput encode(FrontEnd front, BundleLane lane) throws UserError {
        VigilConfig cfg = Inputs.config(config);
        try (SensorSource source = Inputs.log(input, format.options())) {
            StreamDescriptor stream = stream(source.streams(), front, lane);
            Sensor s = LaneModels.sensorOf(stream).orElseThrow();
            EncoderSettings settings = lane != null ? lane.encoder() : s == Sensor.DVS
                    ? EventEncoding.of(cfg.sensors().dvs(), cfg.sensors().dvs().fit())
                    : BandEncoding.of(s == Sensor.AUDIO ? cfg.sensors().audio() : cfg.sensors().vibration());
            SpikeEncoder encoder;
            try {
                encoder = LaneModels.encoder(s, settings, front, stream);
            } catch (LaneMismatchException e) {
                throw new UserError(e.getMessage() + (lane != null ? "; this bundle's lane holds the settings it was compiled"
                        + " with ('vigil compile --config FILE' sets them)" : "; for a NIR graph, 'vigil simulate --config FILE'"
                        + " sets them"));
            }
            return RecordingInput.encode(source, stream, encoder, front);
        } catch (IOException e) {
            throw new UserError("cannot read " + input + ": " + e.getMessage());
        }
    }

    /** The stream that feeds {@code front}: the lane's sensor, --sensor, or the sensor its input shape suggests. */
    private StreamDescriptor stream(List<StreamDescriptor> streams, FrontEnd front, BundleLane lane) throws UserError {
        List<Integer> shape = front.inputShape();
        Sensor wanted;
        if (lane != null) {
            wanted = lane.sensor();
        } else if (sensor != null) {
            wanted = Sensor.named(sensor).orElseThrow(() -> new UserError("--sensor " + sensor
                    + " is refused: use dvs, audio or vibration"));
        } else if (shape.size() == 3 && shape.getFirst() <= 2) {
            wanted = Sensor.DVS;
        } else {
            wanted = null;
        }
        for (StreamDescriptor s : streams) {
            Sensor of = LaneModels.sensorOf(s).orElse(null);
            if (of != null && (of == wanted || (wanted == null && of != Sensor.DVS))) {
                return s;
            }
        }
        String held = streams.isEmpty() ? "none" : streams.stream().map(s -> s.kind().label() + " '" + s.name() + "'")
                .collect(Collectors.joining(", "));
        throw new UserError(input + " holds no " + (wanted == null ? "audio or vibration" : wanted.label()) + " stream (it holds: "
                + held + "); model '" + front.network().name() + "' takes input " + front.shape() + (wanted == null
                ? ", which the audio and vibration lanes' filterbanks give" : ", for the " + wanted.label() + " lane")
                + (lane == null ? ": give a recording of that sensor, or pick another lane with --sensor" : ""));
    }

    private SpikeInput readInput(CompiledFrontEnd compiled) throws UserError {
        try {
            return SpikeInputs.read(input, compiled.inputShape());
        } catch (IOException e) {
            throw new UserError(e.getMessage() + " (the model takes " + Arrays.toString(compiled.inputShape()) + " per step)");
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
        int cores = compiled.program().coresUsed();
        out.printf(Locale.ROOT, "# device %s: %d steps of %s s, %d input events, %d output spikes, %d %s%n",
                r.device(), r.steps(), Double.toString(compiled.dt()), spikes.total(), c.outputSpikes(), cores,
                cores == 1 ? "core" : "cores");
        out.printf(Locale.ROOT, "# activity: %d synaptic ops, %d neuron updates (%d active), %d spikes routed,"
                + " %d mesh hops%n", c.synapticOps(), c.neuronUpdates(), c.activeNeuronUpdates(), c.spikesRouted(),
                c.meshHops());
        out.printf(Locale.ROOT, "# energy: %.6g J (%s)%n", r.joules(),
                compiled.program().target().energy().source());
    }
}
