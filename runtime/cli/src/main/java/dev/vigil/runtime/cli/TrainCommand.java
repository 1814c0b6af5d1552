package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.BundleCodec;
import dev.vigil.runtime.learn.LabelFile;
import dev.vigil.runtime.learn.LabelFileException;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.LaneBundle;
import dev.vigil.runtime.learn.ModelBundle;
import dev.vigil.runtime.learn.Trainer;
import dev.vigil.runtime.learn.TrainingOptions;
import dev.vigil.sensors.SensorSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil train}: fits wake thresholds and dense heads from a labelled log into a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fits wake thresholds and dense heads from a labelled log into a model bundle.",
                "Fits each labelled lane's wake threshold and dense head (SGD with a fixed seed; --prototypes "
                        + "fits the last layer few-shot instead) from a log and a sidecar label CSV "
                        + "(start_us,end_us,label[,sensor]). Labels named with --negative are distractors (e.g. "
                        + "speech that holds no keyword): the wake fit ignores them and the dense head learns them "
                        + "as reject classes. The same inputs and seed give the same bundle, byte for byte."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "the recording to learn from (.vlog, or any format vigil convert reads)")
    private Path log;

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "labelled intervals: start_us,end_us,label[,sensor]")
    private Path labels;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "bundle to write (default: LOG with .model.json)")
    private Path out;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    private Path config;

    @Option(names = "--seed", paramLabel = "N", description = "SGD seed (default ${DEFAULT-VALUE})", defaultValue = "7")
    private long seed;

    @Option(names = "--windows", paramLabel = "N", description = "windows the dense head reads: the waking one and N-1 before (default ${DEFAULT-VALUE})", defaultValue = "4")
    private int windows;

    @Option(names = "--post-windows", paramLabel = "N", description = "windows after the waking one the dense head waits for and reads (default ${DEFAULT-VALUE})", defaultValue = "0")
    private int postWindows;

    @Option(names = "--negative", split = ",", paramLabel = "LABEL", description = "a label that marks distractors, not events (repeatable or comma-separated)")
    private List<String> negatives = new ArrayList<>();

    @Option(names = "--hidden", paramLabel = "N", description = "hidden units of the dense head (default ${DEFAULT-VALUE})", defaultValue = "16")
    private int hidden;

    @Option(names = "--epochs", paramLabel = "N", description = "SGD epochs (default ${DEFAULT-VALUE})", defaultValue = "60")
    private int epochs;

    @Option(names = "--prototypes", description = "fit the last layer few-shot as class prototypes (Akida-style) instead of by SGD")
    private boolean prototypes;

    @Option(names = "--shots", paramLabel = "N", description = "examples per class for --prototypes (default ${DEFAULT-VALUE})", defaultValue = "20")
    private int shots;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        VigilConfig cfg = Inputs.config(config);
        TrainingOptions o;
        try {
            o = new TrainingOptions(seed, windows, postWindows, hidden, epochs, 0.05, prototypes, shots, 500, negatives);
        } catch (IllegalArgumentException e) {
            throw new UserError("options refused: windows 1-64, post-windows 0-64, hidden 1-256, epochs 1-10000, shots >= 1,"
                    + " --negative not 'background'");
        }
        List<LabelInterval> intervals = readLabels(labels);
        checkNegatives(negatives, intervals, labels);
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        Path target = out != null ? out : log.resolveSibling(log.getFileName() + ".model.json");
        ModelBundle bundle;
        try (SensorSource source = new ProgressSource(Inputs.log(log, format.options()), err)) {
            bundle = Trainer.train(source, sha256(log), cfg, hal, intervals, sha256(labels), o);
        } catch (DoesNotFitException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        try {
            Files.write(target, BundleCodec.encode(bundle));
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        }
        for (LaneBundle l : bundle.lanes()) {
            err.printf("vigil: %s: wake %s; head %s; examples %s%n", l.sensor(), describe(l.wake()), l.head().labels(),
                    new java.util.TreeMap<>(l.examples()));
        }
        err.println("vigil: wrote " + target);
        err.flush();
        return 0;
    }

    private static String describe(WakeConfig w) {
        if (w.rule() == WakeRule.PER_CLASS) {
            return "per-class " + java.util.Arrays.toString(w.classOnSpikes()) + " (re-arm " + java.util.Arrays.toString(w.classOffSpikes()) + ")";
        }
        return "at " + w.onSpikes() + " spikes per window (re-arm at " + w.offSpikes() + ")";
    }

    /** Refuses a negative label the label file never uses (most likely a typo that would silently train nothing). */
    static void checkNegatives(List<String> negatives, List<LabelInterval> intervals, Path file) throws UserError {
        for (String n : negatives) {
            if (intervals.stream().noneMatch(l -> l.label().equals(n))) {
                throw new UserError("--negative " + n + ": no interval in " + file + " has that label");
            }
        }
    }

    static List<LabelInterval> readLabels(Path file) throws UserError {
        try {
            return LabelFile.read(file);
        } catch (LabelFileException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read labels " + file + ": " + e.getMessage());
        }
    }

    static String sha256(Path file) throws UserError {
        try {
            return BundleCodec.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
