package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.mux.SourceMux;
import dev.vigil.sensors.replay.ReplayClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code vigil run}: the service. Reads the config's live sources through the same pipeline as replay
 * until stopped (SIGTERM from systemd, Ctrl-C) or for {@code --duration}; on stop, the sources close,
 * what is queued is processed, MQTT drains into the outbox, and a summary is printed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline on the config's live sources until stopped (SIGTERM, Ctrl-C) or --duration.",
                "This is what the vigil service runs."})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeploymentOptions deployment = new DeploymentOptions();

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: until stopped)")
    private Double durationS;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (durationS != null && !(durationS > 0)) {
            throw new UserError("--duration " + durationS + " is refused: must be positive");
        }
        VigilConfig cfg = deployment.resolve();
        NeuromorphicDevice hal = DeploymentOptions.device(cfg);
        ModelChoice models = deployment.models(cfg);
        try (LiveStop stop = new LiveStop();
             Deployment run = Deployment.open(models.applyTo(cfg), spec.commandLine().getOut(), err, true).withModels(models, hal);
             SourceMux sources = LiveSources.open(cfg)) {
            run.watchSensors(sources::health);
            stop.watch(sources, durationS);
            err.println("vigil: running on " + sources.streams().size() + " live stream(s) from " + cfg.sources().size()
                    + " source(s), front end on device '" + hal.capabilities().id() + "'"
                    + (durationS == null ? "; stop with Ctrl-C or SIGTERM" : " for " + durationS + " s"));
            RunSummary summary = run.run(hal, sources, ReplayClock.asFastAsPossible());
            SummaryPrinter.print(summary, "live run", err);
            for (SensorHealth h : sources.health()) {
                err.println("  sensor " + h.sensor() + ": " + h.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ", " + h.failures() + " bus error(s), " + h.recoveries() + " recovery(ies)");
            }
            if (sources.droppedBatches() > 0) {
                err.println("  " + sources.droppedBatches() + " batch(es) dropped because the pipeline was behind the sensors");
            }
        }
        return 0;
    }
}
