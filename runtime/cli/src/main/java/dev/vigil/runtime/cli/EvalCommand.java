package dev.vigil.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.eval.BoardPower;
import dev.vigil.runtime.eval.EvalReport;
import dev.vigil.runtime.eval.EvalTable;
import dev.vigil.runtime.eval.Evaluator;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.sensors.SensorSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code vigil eval}: scores a labelled log and weighs wake-on-salience against always-dense. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores a labelled log: recall, precision, false wakes, latency, duty cycle and energy.",
                "Replays a log with a trained bundle (or the built-in heads) and prints, per lane: event recall "
                        + "(target events with a published detection of their label) and wake recall, precision "
                        + "of published detections, false wakes per hour of background, distractor wakes and the "
                        + "share the dense stage rejected, latency p50/p99 to detection and to wake, dense duty "
                        + "cycle, energy against running the dense stage on every window (part by part, each with "
                        + "its source: front end, its static power, encoder and features' CPU time priced with "
                        + "--board, dense runs, the dense device's static power), synops, activation sparsity and "
                        + "footprint; writes them as JSON. --sweep adds the miss rate against false accepts per hour "
                        + "over the dense head's score threshold.",
                "Labels named with --negative (default: the bundle's, from 'vigil train --negative') mark "
                        + "distractors, e.g. speech that holds no keyword: a wake inside one is a distractor wake, "
                        + "not a background false wake; a dense result labelled background or with a negative "
                        + "label is a rejection, anything else is published and counts against precision when it "
                        + "is not on a target event. Definitions: docs/train-and-eval.md."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "the recording to evaluate (.vlog, or any format vigil convert reads)")
    private Path log;

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "labelled intervals: start_us,end_us,label[,sensor]")
    private Path labels;

    @Option(names = "--model", paramLabel = "FILE", description = "model bundle from 'vigil compile' or 'vigil train' (default: the config's"
            + " model and lanes.<sensor>.model, else the built-in front end)")
    private Path model;

    @Option(names = "--negative", split = ",", paramLabel = "LABEL",
            description = "a label that marks distractors, not events (repeatable or comma-separated; default: the bundle's)")
    private List<String> negatives;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    private Path json;

    @Option(names = "--sweep", description = "also print, per lane, the miss rate against false accepts per hour over the"
            + " dense head's score threshold and the operating point's figures (in the JSON too)")
    private boolean sweep;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    private Path config;

    @Option(names = "--board", paramLabel = "ID", description = "board whose power figures price the CPU work (default ${DEFAULT-VALUE}; see 'vigil doctor')", defaultValue = BoardPower.DEFAULT_BOARD)
    private String boardId;

    @Option(names = "--board-idle-w", paramLabel = "W", description = "board idle power, overriding the board's figure")
    private Double idleW;

    @Option(names = "--board-loaded-w", paramLabel = "W", description = "board power under CPU load, overriding the board's figure")
    private Double loadedW;

    @Override
    public Integer call() throws Exception {
        VigilConfig cfg = Inputs.config(config);
        List<LabelInterval> intervals = TrainCommand.readLabels(labels);
        BoardPower board = board();
        ModelChoice models = ModelChoice.resolve(cfg, config, model);
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        models.describe(hal.capabilities().id()).forEach(line -> spec.commandLine().getErr().println("vigil: " + line));
        String denseId = cfg.dense().device();
        DenseDevice dense = DenseDevices.find(denseId)
                .orElseThrow(() -> new UserError(DenseDevices.providers().missing(denseId)));
        List<String> negative = negatives != null ? negatives : models.negatives();
        TrainCommand.checkNegatives(negative, intervals, labels);
        EvalReport report;
        try (SensorSource source = new ProgressSource(Inputs.log(log, format.options()), spec.commandLine().getErr())) {
            report = Evaluator.evaluate(source, log.toString(), cfg, hal, dense, models.bundle(), intervals, Set.copyOf(negative), board);
        } catch (DoesNotFitException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        EvalTable.print(report, spec.commandLine().getOut());
        if (sweep) {
            EvalTable.printSweeps(report, spec.commandLine().getOut());
        } else {
            report = report.withoutSweeps();
        }
        if (json != null) {
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            } catch (IOException e) {
                throw new UserError("cannot write " + json + ": " + e.getMessage());
            }
            spec.commandLine().getErr().println("vigil: wrote " + json);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /** The board's figures, with the command line's overrides. */
    private BoardPower board() throws UserError {
        BoardPower known = BoardPower.of(boardId).orElseThrow(() -> new UserError("--board " + boardId
                + ": no power figures for this board (known: " + String.join(", ", BoardPower.ids()) + ")"));
        if (idleW == null && loadedW == null) {
            return known;
        }
        try {
            return new BoardPower(known.name() + " (figures from the command line)", idleW != null ? idleW : known.idleW(),
                    loadedW != null ? loadedW : known.loadedW(), "given on the command line");
        } catch (IllegalArgumentException e) {
            throw new UserError("--board-idle-w / --board-loaded-w refused: " + e.getMessage());
        }
    }
}
