package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.bundle.TrainingOptions;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LabelFile;
import dev.vigil.runtime.learn.LabelFileException;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.Trainer;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code vigil train}: fits wake thresholds and dense heads over the lanes' front ends into a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fits wake thresholds and dense heads over the lanes' front ends into a model bundle.",
                "Fits each labelled lane's wake threshold and dense head (SGD with a fixed seed; --prototypes "
                        + "fits the last layer few-shot instead) from a log and a sidecar label CSV "
                        + "(start_us,end_us,label[,sensor]) on top of the lane's front end (--model or the config's "
                        + "bundles, else the built-in one), and writes a model bundle holding those front ends with "
                        + "the trained wake rules and heads. Labels named with --negative are distractors (e.g. "
                        + "speech that holds no keyword): the wake fit ignores them and the dense head learns them "
                        + "as reject classes. --head cnn fits a small int8 CNN over the features an audio or vibration lane "
                        + "computes on wake instead (Adam, class-balanced loss, augmented by time shift, gain and "
                        + "noise mixing). The same inputs and seed give the same bundle, byte for byte."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "the recording to learn from (.vlog, or any format vigil convert reads)")
    private Path log;

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "labelled intervals: start_us,end_us,label[,sensor]")
    private Path labels;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "bundle to write (default: LOG with .vigil)")
    private Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "bundle whose front ends to train on, e.g. from 'vigil compile'"
            + " (default: the config's model and lanes.<sensor>.model, else the built-in front end); its other lanes are kept")
    private Path model;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    private Path config;

    @Option(names = "--seed", split = ",", paramLabel = "N", description = "SGD seed (default ${DEFAULT-VALUE}); with --head cnn,"
            + " several (e.g. 7,11,13) train one head per seed and bundle them as an ensemble that answers from their mean"
            + " probabilities (each seed takes as long to train as one head; every wake runs each model)", defaultValue = "7")
    private List<Long> seeds;

    @Option(names = "--windows", paramLabel = "N", description = "windows the dense head reads: the waking one and N-1 before (default ${DEFAULT-VALUE})", defaultValue = "4")
    private int windows;

    @Option(names = "--post-windows", paramLabel = "N", description = "windows after the waking one the dense head waits for and reads (default ${DEFAULT-VALUE})", defaultValue = "0")
    private int postWindows;

    @Option(names = "--negative", split = ",", paramLabel = "LABEL", description = "a label that marks distractors, not events (repeatable or comma-separated)")
    private List<String> negatives = new ArrayList<>();

    @Option(names = "--hidden", paramLabel = "N", description = "hidden units of the dense head (default ${DEFAULT-VALUE})", defaultValue = "16")
    private int hidden;

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default 60; 30 with --head cnn)")
    private Integer epochs;

    @Option(names = "--head", paramLabel = "KIND", description = "mlp: an int8 MLP over the readouts' spike counts (default);"
            + " cnn: a small int8 CNN over the raw-signal features an audio (log-mel) or vibration (spectra) lane computes on wake",
            defaultValue = "mlp")
    private String head;

    @Option(names = "--false-accepts-per-hour", paramLabel = "RATE", description = "with --head cnn: hold a fifth of the"
            + " labelled events and negative windows out of training and give the target labels the lowest accept score"
            + " whose false accepts per hour, estimated on them, stay within RATE (e.g. 0.5); a result under it is"
            + " published as the best reject label. Default: none held out, the head answers its arg-max")
    private Double falseAcceptsPerHour;

    @Option(names = "--prototypes", description = "fit the last layer few-shot as class prototypes (Akida-style) instead of by SGD")
    private boolean prototypes;

    @Option(names = "--shots", paramLabel = "N", description = "examples per class for --prototypes (default ${DEFAULT-VALUE})", defaultValue = "20")
    private int shots;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        VigilConfig cfg = Inputs.config(config);
        checkSeeds();
        TrainingOptions o;
        try {
            int passes = epochs != null ? epochs : TrainingOptions.CNN.equals(head) ? 30 : 60;
            o = new TrainingOptions(seeds.getFirst(), windows, postWindows, hidden, passes, 0.05, prototypes, shots, 500, negatives,
                    head, falseAcceptsPerHour, seeds.subList(1, seeds.size()));
        } catch (IllegalArgumentException e) {
            throw new UserError("options refused: windows 1-64, post-windows 0-64, hidden 1-256, epochs 1-10000, shots >= 1,"
                    + " --negative not 'background', --head mlp or cnn, --false-accepts-per-hour 0 or more");
        }
        if (falseAcceptsPerHour != null && !o.cnn()) {
            throw new UserError("--false-accepts-per-hour chooses a CNN head's accept score; add --head cnn or drop it");
        }
        if (o.cnn() && prototypes) {
            throw new UserError("--prototypes fits an MLP head's last layer; drop it with --head cnn");
        }
        List<LabelInterval> intervals = readLabels(labels);
        checkNegatives(negatives, intervals, labels);
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        ModelChoice models = ModelChoice.resolve(cfg, config, model);
        models.describe(hal.capabilities().id()).forEach(line -> err.println("vigil: " + line));
        Path target = out != null ? out : log.resolveSibling(log.getFileName() + BundleCodec.EXTENSION);
        Provenance provenance = provenance(models);
        Trainer.Result trained;
        try (SensorSource source = new ProgressSource(Inputs.log(log, format.options()), err)) {
            trained = Trainer.train(source, cfg, hal, models.bundle(), intervals, o, provenance);
        } catch (DoesNotFitException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        try {
            Files.write(target, BundleCodec.encode(trained.bundle()));
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        }
        for (Map.Entry<String, Map<String, Integer>> e : trained.examples().entrySet()) {
            BundleLane l = trained.bundle().lane(Sensor.named(e.getKey()).orElseThrow()).orElseThrow();
            int headModels = l.head().models().size();
            err.printf("vigil: %s: wake %s; head %s%s; examples %s%n", e.getKey(), describe(l.wake()), l.head().model().labels(),
                    headModels > 1 ? " (an ensemble of " + headModels + " models, one per seed)" : "", e.getValue());
        }
        err.println("vigil: wrote " + target);
        err.flush();
        return 0;
    }

    /** What the bundle is made from: the given bundles' own sources and the bundles themselves, the log and the labels. */
    private Provenance provenance(ModelChoice models) throws UserError {
        List<Provenance.Source> sources = new ArrayList<>();
        for (ModelChoice.Given g : models.given()) {
            sources.addAll(g.read().provenance().sources());
            sources.add(source("front-end", g.file()));
        }
        sources.add(source("log", log));
        sources.add(source("labels", labels));
        return new Provenance(VersionProvider.tool(), sources, null);
    }

    static Provenance.Source source(String role, Path file) throws UserError {
        return new Provenance.Source(role, file.getFileName().toString(), sha256(file));
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

    private void checkSeeds() throws UserError {
        String given = seeds.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (seeds.size() > 1 && !TrainingOptions.CNN.equals(head)) {
            throw new UserError("--seed " + given + ": several seeds train an ensemble of CNN heads; add --head cnn or give one seed");
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new UserError("--seed " + given + ": give each seed once");
        }
        if (seeds.size() > DenseHead.MAX_ENSEMBLE) {
            throw new UserError("--seed " + given + ": at most " + DenseHead.MAX_ENSEMBLE + " seeds, one model each");
        }
    }
}
