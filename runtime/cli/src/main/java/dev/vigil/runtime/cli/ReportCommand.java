package dev.vigil.runtime.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.cli.report.ReportDocument;
import dev.vigil.runtime.cli.report.ReportHeader;
import dev.vigil.runtime.cli.report.ReportRecorder;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.eval.BoardPower;
import dev.vigil.runtime.eval.EvalReport;
import dev.vigil.runtime.eval.Evaluator;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.replay.ReplayClock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code vigil report}: one self-contained HTML file showing what the pipeline did on a recording. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML report of what the pipeline did on a log.",
                "Replays the log as fast as possible; the file needs no network access when opened. Per lane: a "
                        + "raster of the readout neurons' spikes, the wake rule's value per window against its "
                        + "threshold with wakes, refused wakes, detections and the labelled intervals on the same time "
                        + "axis, and energy per window and cumulative against running the dense stage on every window. "
                        + "With --labels, the evaluation figures, the dense head's confusion matrix and the miss rate "
                        + "against false accepts per hour. With --from-eval, the figures of a saved 'vigil eval --json' "
                        + "run, without charts."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    static final class Input {
        @Parameters(index = "0", paramLabel = "LOG", description = "the recording to report on (.vlog, or any format vigil convert reads)")
        Path log;

        @Option(names = "--from-eval", paramLabel = "JSON", description = "a saved 'vigil eval --json' file instead of a recording")
        Path evalJson;
    }

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "HTML", description = "the report to write")
    private Path output;

    @Option(names = "--labels", paramLabel = "CSV", description = "labelled intervals: start_us,end_us,label[,sensor]")
    private Path labels;

    @Option(names = "--model", paramLabel = "FILE", description = "model bundle from 'vigil train' (default: built-in heads)")
    private Path model;

    @Option(names = "--negative", split = ",", paramLabel = "LABEL",
            description = "a label that marks distractors, not events (repeatable or comma-separated; default: the bundle's)")
    private List<String> negatives;

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    private Path config;

    @Option(names = "--board", paramLabel = "ID", description = "board whose power figures price the CPU work (default ${DEFAULT-VALUE})",
            defaultValue = BoardPower.DEFAULT_BOARD)
    private String boardId;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + output + ": directory " + parent + " does not exist");
        }
        ReportDocument doc = input.evalJson != null ? fromEval(input.evalJson) : fromLog(input.log, err);
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            doc.writeHtml(w);
        } catch (IOException e) {
            throw new UserError("cannot write " + output + ": " + e.getMessage());
        }
        err.printf(Locale.ROOT, "vigil: wrote %s (%.1f KB)%n", output, Files.size(output) / 1024.0);
        err.flush();
        return 0;
    }

    private ReportDocument fromLog(Path log, PrintWriter err) throws UserError, InterruptedException {
        VigilConfig cfg = Inputs.config(config);
        BoardPower board = BoardPower.of(boardId).orElseThrow(() -> new UserError("--board " + boardId
                + ": no power figures for this board (known: " + String.join(", ", BoardPower.ids()) + ")"));
        ModelChoice models = ModelChoice.resolve(cfg, config, model);
        ModelBundle bundle = models.bundle();
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        models.describe(hal.capabilities().id()).forEach(line -> err.println("vigil: " + line));
        String denseId = cfg.dense().device();
        DenseDevice dense = DenseDevices.find(denseId).orElseThrow(() -> new UserError(DenseDevices.providers().missing(denseId)));
        List<LabelInterval> intervals = labels == null ? List.of() : TrainCommand.readLabels(labels);
        List<String> negative = negatives != null ? negatives : models.negatives();
        if (labels == null && negatives != null) {
            throw new UserError("--negative needs --labels: distractors are labelled intervals");
        }
        if (labels != null) {
            TrainCommand.checkNegatives(negative, intervals, labels);
        }
        ReportRecorder recorder = new ReportRecorder();
        Map<String, List<String>> readouts = new LinkedHashMap<>();
        RunSummary run;
        try (SensorSource source = new ProgressSource(Inputs.log(log, format.options()), err)) {
            for (StreamDescriptor s : source.streams()) {
                LaneModels.laneFor(s, cfg, bundle, hal.capabilities().id())
                        .ifPresent(l -> readouts.putIfAbsent(l.sensor().label(), l.frontEnd().readouts()));
            }
            Pipeline p = new Pipeline(cfg, hal, recorder).use(bundle).observe(recorder).denseOn(dense);
            run = p.run(source, ReplayClock.asFastAsPossible());
        } catch (DoesNotFitException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        EvalReport eval = Evaluator.score(run, recorder.wakeEndsUs(), recorder.results(), log.toString(), cfg, dense, bundle,
                intervals, Set.copyOf(negative), board);
        ReportHeader header = new ReportHeader(log.toString(), run.recordedUs() / 1e6, model == null ? "" : model.toString(),
                model == null ? "" : sha256(model), run.device(), dense.id(), board.name(),
                config == null ? "" : config.toString(), sha256(ConfigLoader.tree(cfg).toString().getBytes(StandardCharsets.UTF_8)),
                version(), now());
        return ReportDocument.ofRun(header, recorder, eval, intervals, Set.copyOf(negative), readouts,
                cfg.window().lengthMs() * 1000L, cfg.window().hopMs() * 1000L);
    }

    private ReportDocument fromEval(Path json) throws UserError {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        EvalReport eval;
        try {
            eval = mapper.readValue(json.toFile(), EvalReport.class);
        } catch (JacksonException e) {
            throw new UserError(json + ": not a 'vigil eval --json' file: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new UserError("cannot read " + json + ": " + e.getMessage());
        }
        if (eval.lanes() == null || eval.board() == null) {
            throw new UserError(json + ": not a 'vigil eval --json' file: it has no lanes or no board");
        }
        ReportHeader header = new ReportHeader(eval.log(), eval.recordedS(), eval.model(), "", eval.frontDevice(),
                eval.denseDevice(), eval.board().name(), "", "", version(), now());
        return ReportDocument.ofEval(header, eval);
    }

    private static String sha256(Path file) throws UserError {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String version() {
        String v = VigilCli.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
