package dev.vigil.runtime.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code vigil run} started the way a user or the service starts it, by the installed launcher
 * {@code bin/vigil} (its JVM options, its class-data-sharing archive), on the default config with the
 * synthetic source's three lanes and the embedded broker: what {@code vigil bench} measures start-up and
 * resident memory on. Each run is a child process; its output goes to files in a scratch directory.
 */
final class LaunchedRuns {
    /** The config: the defaults (embedded broker, MQTT on) with the synthetic scene as the live source. */
    private static final String CONFIG = "sources:\n  - driver: synth\n    settings: {seed: 7}\n";
    private final Path launcher;
    private final Path dir;
    private final Path config;
    /** Runs not yet ended: stopped if bench itself is (Ctrl-C), instead of left to run out their time. */
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    private LaunchedRuns(Path launcher, Path dir) throws IOException {
        this.launcher = launcher;
        this.dir = dir;
        this.config = Files.writeString(dir.resolve("bench-run.yaml"), CONFIG);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Process::destroy), "vigil-bench-runs"));
    }

    /**
     * Runs from the launcher beside this jar ({@code lib/../bin/vigil}, the layout of the package and the
     * tarball), writing into {@code dir}; empty when Vigil does not run from such an installation.
     */
    static Optional<LaunchedRuns> beside(Class<?> anchor, Path dir) throws IOException {
        Path jar;
        try {
            jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        Path launcher = jar.toAbsolutePath().getParent().resolveSibling("bin").resolve("vigil");
        if (!Files.isRegularFile(jar) || !Files.isExecutable(launcher)) {
            return Optional.empty();
        }
        return Optional.of(new LaunchedRuns(launcher, dir));
    }

    /** The launcher the runs start. */
    Path launcher() {
        return launcher;
    }

    /** Milliseconds from the launcher's start to the first batch processed, of one short run. */
    long startupMs() throws IOException, InterruptedException {
        Path report = dir.resolve("startup.txt");
        Files.deleteIfExists(report);
        Process p = start("startup", 1, report);
        int exit = p.waitFor();
        live.remove(p);
        if (exit != 0 || !Files.exists(report)) {
            throw new IOException("vigil run (" + launcher + ") exited with " + exit + " before its first batch: " + tail("startup"));
        }
        return Long.parseLong(Files.readString(report).strip());
    }

    /** Resident set size of a run, sampled every half second from its start until {@code seconds} have passed. */
    Memory residentOver(double seconds) throws IOException, InterruptedException {
        Process p = start("memory", seconds + 5, null);
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long deadline = System.nanoTime() + Math.round(seconds * 1e9);
        List<Long> kb = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(500);
                residentKb(status).ifPresent(kb::add);
            }
            if (!p.isAlive() || kb.isEmpty()) {
                throw new IOException("vigil run (" + launcher + ") stopped after " + kb.size() / 2 + " s: " + tail("memory"));
            }
        } finally {
            p.destroy();
            p.waitFor();
            live.remove(p);
        }
        return new Memory(kb.getLast(), kb.stream().mapToLong(Long::longValue).max().orElseThrow(), seconds);
    }

    /** The last lines the run {@code name} wrote to standard error (its files go with the scratch directory). */
    private String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(name + ".err"));
        return lines.isEmpty() ? "it wrote nothing" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private Process start(String name, double durationS, Path report) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "run", "--config", config.toString(),
                "--duration", Double.toString(durationS));
        pb.redirectOutput(dir.resolve(name + ".out").toFile());
        pb.redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().remove(StartupMark.REPORT_VARIABLE);
        pb.environment().remove(Logging.DEBUG_VARIABLE);
        if (report != null) {
            pb.environment().put(StartupMark.REPORT_VARIABLE, report.toString());
        }
        Process p = pb.start();
        live.add(p);
        return p;
    }

    private static Optional<Long> residentKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Resident memory of a run.
     *
     * @param lastKb  at the end of the sampling
     * @param peakKb  the most sampled
     * @param seconds how long it was sampled
     */
    record Memory(long lastKb, long peakKb, double seconds) {
    }
}
