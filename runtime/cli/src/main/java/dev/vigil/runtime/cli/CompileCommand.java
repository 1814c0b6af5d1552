package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.BandEncoding;
import dev.vigil.runtime.bundle.BuiltinLanes;
import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.EncoderSettings;
import dev.vigil.runtime.bundle.EventEncoding;
import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.LaneMismatchException;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil compile}: imports a NIR model, quantises it for a device, places it on the device's
 * cores, reports utilisation and quantisation error, and writes it as a lane of a model bundle; or
 * writes the built-in front end as a bundle.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compiles a NIR model for a HAL device into a lane of a model bundle.",
                "Takes NIR graphs from snnTorch, Norse, Lava-dl, Sinabs, Rockpool and others; reports per-core "
                        + "utilisation and quantisation error and writes a model bundle holding it as one sensor's "
                        + "lane (front end, the config's encoder settings and wake rules, a head that labels a wake "
                        + "with the busiest readout). --builtin writes the built-in front end's lanes instead. "
                        + "A network that does not fit is refused with the layer, the resource and both figures."})
final class CompileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    static final class What {
        @Parameters(index = "0", paramLabel = "MODEL", description = "the model, a NIR graph (.nir, HDF5)")
        Path model;

        @Option(names = "--builtin", description = "write the built-in front end (every sensor's lane, from the config) instead")
        boolean builtin;
    }

    @Option(names = "--sensor", paramLabel = "SENSOR",
            description = "the lane the model is for: dvs, audio or vibration (default: dvs for an input of shape [2, H, W] or [1, H, W], else audio)")
    private String sensor;

    @Option(names = "--device", paramLabel = "ID", defaultValue = "reference",
            description = "target HAL device (default ${DEFAULT-VALUE}; see 'vigil devices')")
    private String device;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "0.001",
            description = "timestep used to discretise the model's time constants, and the lane's step (default ${DEFAULT-VALUE} s; the NIR paper's models use 0.0001)")
    private double dt;

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config whose encoder settings and wake rules the bundle records (defaults otherwise)")
    private Path config;

    @Option(names = "--readouts", split = ",", paramLabel = "NAME",
            description = "names of the output neurons, in order (default: the NIR output node's name, with [i] when it has several)")
    private List<String> readouts;

    @Option(names = "--resolution", paramLabel = "WxH",
            description = "with --builtin: the event camera's frame the readouts are sized for (default: the config's ROI, else 346x260)")
    private String resolution;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "bundle to write (default: MODEL without .nir, plus .<device>.vigil; builtin.<device>.vigil for --builtin)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        VigilConfig cfg = Inputs.config(config);
        NeuromorphicDevice hal = DeploymentOptions.device(device);
        List<Provenance.Source> sources = new ArrayList<>();
        if (config != null) {
            sources.add(TrainCommand.source("config", config));
        }
        ModelBundle bundle;
        Path target;
        if (what.builtin) {
            StreamDescriptor frame = null;
            if (resolution != null) {
                int[] wh = FormatFlags.resolution(resolution);
                frame = StreamDescriptor.dvs(0, "--resolution", wh[0], wh[1]);
            }
            bundle = BuiltinLanes.bundle(cfg, device, frame, new Provenance(VersionProvider.tool(), sources, null));
            for (BundleLane l : bundle.lanes()) {
                stdout.println("lane " + l.sensor().label() + ": " + l.frontEnd().describe());
                stdout.println(place(l.frontEnd(), hal).utilisationReport());
            }
            if (frame == null && BuiltinLanes.sizedNominally(cfg.sensors().dvs().filter())) {
                err.println("vigil: the event camera's readouts are sized for a " + BuiltinLanes.NOMINAL_WIDTH + "x"
                        + BuiltinLanes.NOMINAL_HEIGHT + " frame; give --resolution WxH for another sensor (a smaller one"
                        + " would spike too little)");
            }
            target = out != null ? out : Path.of("builtin." + device + BundleCodec.EXTENSION);
        } else {
            Path model = what.model;
            CompilationResult result = NirModels.compile(model, hal, dt);
            stdout.println(result.report());
            sources.addFirst(TrainCommand.source("nir", model));
            BundleLane lane = lane(cfg, result);
            bundle = new ModelBundle(List.of(lane), new Provenance(VersionProvider.tool(), sources, null));
            target = out != null ? out : model.resolveSibling(model.getFileName().toString().replaceFirst("\\.nir$", "")
                    + "." + device + BundleCodec.EXTENSION);
            check(lane, cfg, err);
        }
        byte[] bytes = BundleCodec.encode(bundle);
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UserError("cannot write the bundle " + target + ": " + e.getMessage());
        }
        err.println("vigil: wrote model bundle " + target + " (lanes " + bundle.sensors() + "; sha256 " + BundleCodec.sha256(bytes) + ")");
        stdout.flush();
        err.flush();
        return 0;
    }

    private static CompiledProgram place(FrontEnd f, NeuromorphicDevice hal) throws UserError {
        try {
            return NetworkCompiler.compile(f.network(), hal.capabilities());
        } catch (DoesNotFitException e) {
            throw new UserError(f.network().name() + " does not fit: " + e.getMessage());
        }
    }

    /** The compiled model as a lane of the chosen sensor, with the config's encoder settings and wake rules. */
    private BundleLane lane(VigilConfig cfg, CompilationResult result) throws UserError {
        List<Integer> shape = Arrays.stream(result.inputShape()).boxed().toList();
        Sensor s = sensor(shape);
        int outputs = result.model().network().outputs();
        List<String> names = readouts != null ? readouts : result.readouts();
        if (names.size() != outputs) {
            throw new UserError("--readouts names " + names.size() + " outputs; the model has " + outputs);
        }
        EncoderSettings encoder = s == Sensor.DVS ? EventEncoding.of(cfg.sensors().dvs(), cfg.sensors().dvs().fit())
                : BandEncoding.of(s == Sensor.AUDIO ? cfg.sensors().audio() : cfg.sensors().vibration());
        String name = result.model().network().name();
        try {
            FrontEnd front = new FrontEnd(device, dt, shape, names, result.model().network(), result.model().report().layers());
            return new BundleLane(s, encoder, front, cfg.sensors().wake(s), DenseHead.counts(busiestReadout(name, names)));
        } catch (IllegalArgumentException e) {
            throw new UserError(what.model + ": " + e.getMessage());
        }
    }

    private Sensor sensor(List<Integer> shape) throws UserError {
        if (sensor == null) {
            return shape.size() == 3 && shape.get(0) <= 2 ? Sensor.DVS : Sensor.AUDIO;
        }
        return Sensor.named(sensor).orElseThrow(() -> new UserError("--sensor " + sensor + " is refused: use dvs, audio or vibration"));
    }

    /** A head that sums each readout over the waking window and labels the wake with the busiest one. */
    private static Int8Model busiestReadout(String network, List<String> names) {
        int n = names.size();
        byte[] identity = new byte[n * n];
        for (int i = 0; i < n; i++) {
            identity[i * n + i] = 1;
        }
        return Int8Model.mlp(network + "-busiest-readout", 0, List.of(new Int8Layer(n, n, identity, new int[n], 0, false)), names, 0.25);
    }

    /** Warns when the lane's encoder cannot feed the model as the config sets it up (the run refuses it then). */
    private static void check(BundleLane lane, VigilConfig cfg, PrintWriter err) {
        List<Integer> shape = lane.frontEnd().inputShape();
        StreamDescriptor nominal = lane.sensor() == Sensor.DVS
                ? StreamDescriptor.dvs(0, "nominal", shape.getLast(), shape.size() > 1 ? shape.get(shape.size() - 2) : 1)
                : StreamDescriptor.sampled(0, lane.sensor() == Sensor.AUDIO ? StreamKind.AUDIO : StreamKind.VIBRATION, "nominal",
                48_000, 1, "");
        try {
            LaneModels.build(lane, nominal, cfg.window());
        } catch (LaneMismatchException e) {
            err.println("vigil: warning: " + e.getMessage());
        }
    }
}
