package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SensorSource;
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
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigil replay}: runs a recorded log through the same pipeline as live sensors. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays a recorded log through the pipeline.",
                "Detections go to standard output as JSON lines and over MQTT (to an embedded broker unless "
                        + "--broker is given); progress and a summary go to standard error."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "the recording to replay: .vlog, AEDAT 2/3.1/4, EVT 2/3, DAT, N-MNIST, WAV, CSV or .mat")
    private Path log;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Mixin
    private DeploymentOptions deployment = new DeploymentOptions();

    @ArgGroup(exclusive = true)
    private Pace pace = new Pace();

    static final class Pace {
        @Option(names = "--speed", paramLabel = "N", description = "replay N times faster than recorded (default 1 = real time)")
        double speed = 1;

        @Option(names = "--max", description = "replay as fast as possible")
        boolean max;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        VigilConfig cfg = deployment.resolve();
        ReplayClock clock;
        try {
            clock = pace.max ? ReplayClock.asFastAsPossible() : ReplayClock.atSpeed(pace.speed);
        } catch (IllegalArgumentException e) {
            throw new UserError("--speed " + pace.speed + " is refused: " + e.getMessage());
        }
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        ModelChoice models = deployment.models(cfg);
        try (SensorSource source = ProgressSource.when(clock.unpaced(), Inputs.log(log, format.options()), err);
             Deployment run = Deployment.open(models.applyTo(cfg), spec.commandLine().getOut(), err, false)
                     .withModels(models, hal)) {
            String rateNote = format.sampleRateNote(source instanceof ProgressSource p ? p.source() : source);
            if (rateNote != null) {
                err.println(ConsoleLines.warning(log + ": " + rateNote));
            }
            err.println(ConsoleLines.note("replaying " + log + " on device '" + hal.capabilities().id() + "' "
                    + (clock.unpaced() ? "as fast as possible" : "at " + clock.speed() + "x recorded speed")));
            RunSummary summary = run.run(hal, source, clock);
            SummaryPrinter.print(summary, log.toString(), false, cfg.window().lengthMs(), err);
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        return 0;
    }
}
