package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.health.HealthState;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.mux.SourceMux;
import dev.vigil.sensors.replay.ReplayClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code vigil run}: the service. Reads the config's live sources through the same pipeline as replay
 * until stopped (SIGTERM from systemd, Ctrl-C) or for {@code --duration}; on stop, the sources close,
 * what is queued is processed, MQTT drains into the outbox, and a summary is printed. A config without
 * sources runs nothing and publishes nothing: it says which file to edit and waits to be stopped, so
 * a fresh install is a healthy service rather than a crash loop. A run in which no source delivered
 * any data because they all failed ends with exit code 1 and their reasons.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline on the config's live sources (the service).",
                "Runs until stopped (SIGTERM, Ctrl-C) or for --duration; this is what the vigil service runs."})
final class RunCommand implements Callable<Integer> {

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
        if (cfg.sources().isEmpty()) {
            return idle(err);
        }
        try (LiveStop stop = new LiveStop();
             Deployment run = Deployment.open(models.applyTo(cfg), spec.commandLine().getOut(), err, true).withModels(models, hal);
             SourceMux sources = LiveSources.open(cfg)) {
            run.watchSensors(sources::health);
            stop.watch(sources, durationS);
            err.println(ConsoleLines.note("running on " + Figures.count(sources.streams().size(), "live stream", "live streams")
                    + " from " + Figures.count(cfg.sources().size(), "source", "sources") + ", front end on device '"
                    + hal.capabilities().id() + "'" + (durationS == null ? "; stop with Ctrl-C or SIGTERM" : " for " + durationS + " s")));
            RunSummary summary = run.run(hal, StartupMark.after(sources), ReplayClock.asFastAsPossible());
            SummaryPrinter.print(summary, "live run", true, cfg.window().lengthMs(), err);
            for (SensorHealth h : sources.health()) {
                err.println("  sensor " + h.sensor() + ": " + h.state().name().toLowerCase(Locale.ROOT) + ", "
                        + Figures.count(h.failures(), "bus error", "bus errors") + ", "
                        + Figures.count(h.recoveries(), "recovery", "recoveries"));
            }
            if (sources.droppedBatches() > 0) {
                err.println("  " + Figures.count(sources.droppedBatches(), "batch", "batches")
                        + " dropped because the pipeline was behind the sensors");
            }
            String failed = allFailed(summary, sources.health(), sources.problems());
            if (failed != null) {
                throw new UserError("no live source delivered any data: " + failed);
            }
        }
        return 0;
    }

    /** A run with no sources configured: says what to edit, publishes nothing, waits until stopped. */
    private int idle(PrintWriter err) throws InterruptedException {
        String file = deployment.config == null ? "the built-in defaults (no --config given)" : deployment.config.toString();
        err.println(ConsoleLines.warning("no live sources in " + file + ": nothing runs and nothing is published. "
                + "Add a 'sources' list (e.g. '- driver: microphone'; docs/config.md lists the drivers), then restart "
                + "(for the service: sudo systemctl restart vigil)."));
        err.println(ConsoleLines.note(durationS == null ? "waiting until stopped (Ctrl-C or SIGTERM)"
                : "waiting " + durationS + " s"));
        err.flush();
        try (LiveStop stop = new LiveStop(); IdleWait idle = new IdleWait()) {
            stop.watch(idle, durationS);
            idle.await();
        }
        return 0;
    }

    /**
     * Why the run failed when no data came in and the sources said why (unhealthy sensors, sources that
     * stopped with an error), else null: a run that merely saw nothing yet is not a failure.
     */
    static String allFailed(RunSummary summary, List<SensorHealth> health, List<SourceProblem> problems) {
        long input = summary.lanes().stream().mapToLong(l -> l.front().inputElements()).sum();
        if (input > 0) {
            return null;
        }
        List<SensorHealth> failing = health.stream().filter(h -> h.state() != HealthState.HEALTHY).toList();
        if (!failing.isEmpty() && failing.size() == health.size()) {
            return failing.stream().map(h -> h.sensor() + ": " + h.lastError()).distinct().collect(Collectors.joining("; "));
        }
        if (health.isEmpty() && !problems.isEmpty()) {
            return problems.getLast().toString();
        }
        return null;
    }
}
