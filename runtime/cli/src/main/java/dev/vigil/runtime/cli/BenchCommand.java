package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.VectorSupport;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.PipelineRun;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.synth.SceneGenerator;
import dev.vigil.sensors.synth.SceneSource;
import dev.vigil.sensors.synth.SceneSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * {@code vigil bench}: describes the machine, then measures, single-threaded and on data generated in
 * the process, what an always-on Vigil costs on it: the spiking front end on a workload shaped like
 * the shared DVS benchmark, the whole pipeline on 16 kHz audio plus 12 kHz vibration (real-time
 * factor and the share of one core it takes in real time) and the event-camera lane; and first, in
 * child processes started by the installed launcher ({@link LaunchedRuns}), {@code vigil run}'s start-up
 * and resident memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures this machine: front end, whole pipeline, event-camera lane, and vigil run's start-up and"
                + " resident memory, in about a minute.",
                "Prints the machine (CPU, cores, memory, JVM, board) and each figure, so boards can be compared."})
final class BenchCommand implements Callable<Integer> {
    private static final SceneSpec SCENE = SceneSpec.demo(7);
    private static final long SCENE_US = Math.round(SCENE.durationS() * 1e6);

    @Spec
    private CommandSpec spec;

    @Option(names = "--device", paramLabel = "ID", description = "HAL device running the front end (default: fast)")
    private String device = "fast";

    @Option(names = "--seconds", paramLabel = "S", description = "time spent on each measurement after its warm-up (default: 4)")
    private double seconds = 4;

    @Option(names = "--run-seconds", paramLabel = "S",
            description = "how long vigil run's resident memory is sampled (default: 30; 0 skips start-up and memory)")
    private double runSeconds = 30;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 600)) {
            throw new UserError("--seconds " + seconds + " is refused: give a time in (0, 600] s");
        }
        if (!(runSeconds >= 0 && runSeconds <= 86_400)) {
            throw new UserError("--run-seconds " + runSeconds + " is refused: give a time in [0, 86400] s");
        }
        PrintWriter out = spec.commandLine().getOut();
        NeuromorphicDevice hal = DeploymentOptions.device(device);
        machine(out);
        if (runSeconds > 0) { // first, while this JVM's compilers are idle, not yet busy with the figures below
            launchedRuns(out);
        }
        out.printf(Locale.ROOT, "figures (front end on device '%s', one thread, %.0f s each after a warm-up)%n",
                hal.capabilities().id(), seconds);
        out.flush();
        double frontEnd = frontEndEventsPerSecond(hal);
        out.printf(Locale.ROOT, "  front end            %10s events/s   2x128x128 events, 2x2 pooling, 3x3 conv onto 8x64x64 LIF (shared-bench-like)%n",
                Figures.count(Math.round(frontEnd)));
        out.flush();
        Lane audioVibration = lane(hal, List.of(SceneGenerator.AUDIO_ID, SceneGenerator.VIBRATION_ID));
        out.printf(Locale.ROOT, "  audio + vibration    %10s x real time  16 kHz audio + 12 kHz vibration: encoders, front end, wake, dense; 1 h in %.1f s%n",
                Figures.count(Math.round(audioVibration.realTime())), 3600 / audioVibration.realTime());
        out.printf(Locale.ROOT, "  always-on share      %10.3f %% of one core  audio + vibration in real time (CPU time / signal time)%n",
                audioVibration.coreShare() * 100);
        out.flush();
        Lane events = lane(hal, List.of(SceneGenerator.DVS_ID));
        out.printf(Locale.ROOT, "  event-camera lane    %10s events/s   filters, grid, front end, wake on the synthetic 128x96 scene%n",
                Figures.count(Math.round(events.elementsPerSecond())));
        out.flush();
        return 0;
    }

    /** Start-up (median of three runs after an untimed one) and resident memory of {@code vigil run}, from the launcher. */
    private void launchedRuns(PrintWriter out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigil-bench");
        try {
            Optional<LaunchedRuns> found = LaunchedRuns.beside(BenchCommand.class, dir);
            if (found.isEmpty()) {
                out.println("  start-up, memory     not measured: no bin/vigil beside Vigil's jars (run the installed vigil)");
                return;
            }
            LaunchedRuns runs = found.get();
            out.printf("vigil run as %s starts it: default config, the synthetic source's three lanes, embedded broker%n",
                    runs.launcher());
            out.flush();
            runs.startupMs();
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ms.add(runs.startupMs());
            }
            List<Long> sorted = ms.stream().sorted().toList();
            out.printf(Locale.ROOT, "  start-up             %10s ms         process start to its first processed batch: median of 3 runs (%s to %s ms)%n",
                    Figures.count(sorted.get(1)), Figures.count(sorted.get(0)), Figures.count(sorted.get(2)));
            out.flush();
            LaunchedRuns.Memory m = runs.residentOver(runSeconds);
            out.printf(Locale.ROOT, "  resident memory      %10.1f MiB        after %.0f s (peak %.1f MiB), the launcher's JVM options for this machine%n",
                    m.lastKb() / 1024.0, m.seconds(), m.peakKb() / 1024.0);
            out.flush();
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void machine(PrintWriter out) {
        Runtime rt = Runtime.getRuntime();
        out.println("machine");
        out.printf("  cpu      %s%n", cpuModel());
        out.printf("  cores    %d%n", rt.availableProcessors());
        long memMb = memTotalMb();
        out.printf("  memory   %s%n", memMb > 0 ? Figures.count(memMb) + " MB" : "unknown (no /proc/meminfo)");
        out.printf("  jvm      %s %s (%s), max heap %s MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                Figures.count(rt.maxMemory() >> 20));
        out.printf("  os       %s %s %s%n", System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
        out.printf("  board    %s%n", board());
        out.printf("  vectors  %s%n", VectorSupport.describe());
    }

    private static String cpuModel() {
        String model = null;
        String hardware = null;
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (model == null && (key.equals("model name") || key.equals("Model") || key.equals("cpu model"))) {
                model = value;
            } else if (hardware == null && (key.equals("Hardware") || key.equals("CPU part"))) {
                hardware = key + " " + value;
            }
        }
        if (model != null) {
            return model;
        }
        return hardware != null ? hardware : System.getProperty("os.arch") + " (no model in /proc/cpuinfo)";
    }

    private static long memTotalMb() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return 0;
    }

    /** The device-tree model (what {@code vigil doctor} matches a board profile against), if any. */
    private static String board() {
        try {
            byte[] model = Files.readAllBytes(Path.of("/proc/device-tree/model"));
            String s = new String(model, StandardCharsets.UTF_8).replace("\0", "").strip();
            return s.isEmpty() ? "none (empty /proc/device-tree/model)" : s + " (vigil doctor names its profile)";
        } catch (IOException e) {
            return "none (no /proc/device-tree/model: not a single-board computer)";
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Events per second through the shared-bench-like network: in-memory input pixels to output spikes. */
    private double frontEndEventsPerSecond(NeuromorphicDevice hal) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        int[] weights = new int[8 * 2 * 3 * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextInt(-64, 64);
        }
        FeatureShape grid = new FeatureShape(2, 128, 128);
        SumPoolLayer pool = new SumPoolLayer("pool2x2", grid, 2, 2);
        ConvLayer conv = ConvLayer.square("conv3x3", pool.output(), 8, 3, 1, 1, 1, weights, NeuronParams.lif(256, 4));
        Network network = new Network("bench-frontend", grid.size(), List.of(pool, conv));
        int steps = 130;
        int[] starts = new int[steps + 1];
        int[] pixels = new int[steps * 1500];
        int n = 0;
        for (int s = 0; s < steps; s++) {
            starts[s] = n;
            int count = random.nextInt(300, 1500);
            int cx = random.nextInt(128);
            int cy = random.nextInt(128);
            for (int k = 0; k < count; k++) { // events around a moving blob plus background, 61 % ON as in the shared recording
                boolean near = random.nextInt(4) != 0;
                int x = near ? Math.floorMod(cx + random.nextInt(-12, 13), 128) : random.nextInt(128);
                int y = near ? Math.floorMod(cy + random.nextInt(-12, 13), 128) : random.nextInt(128);
                int p = random.nextInt(100) < 61 ? 1 : 0;
                pixels[n++] = (p * 128 + y) * 128 + x;
            }
        }
        starts[steps] = n;
        int[] spikes = {0};
        IntConsumer countSpikes = neuron -> spikes[0]++;
        try (DeviceSession session = hal.open(NetworkCompiler.compile(network, hal.capabilities()))) {
            long events = 0;
            long nanos = 0;
            for (int round = 0; round < 2; round++) { // warm-up, then the measurement
                double budget = round == 0 ? Math.min(2, seconds / 2) : seconds;
                long start = System.nanoTime();
                events = 0;
                do {
                    session.reset();
                    for (int s = 0; s < steps; s++) {
                        session.inject(pixels, starts[s], starts[s + 1]);
                        session.step(countSpikes);
                    }
                    events += n;
                    nanos = System.nanoTime() - start;
                } while (nanos < budget * 1e9);
            }
            if (spikes[0] == 0) {
                throw new IllegalStateException("the front-end workload gave no output spike: the measurement is void");
            }
            return events / (nanos / 1e9);
        }
    }

    /** Real-time factor, elements per second and share of one core of the default pipeline on some of the scene's streams. */
    record Lane(double realTime, double elementsPerSecond, double coreShare) {
    }

    private Lane lane(NeuromorphicDevice hal, List<Integer> streamIds) throws Exception {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (StreamDescriptor d : SceneGenerator.streams()) {
            if (streamIds.contains(d.id())) {
                streams.add(d);
            }
        }
        List<Batch> batches = new ArrayList<>();
        long elementsPerPass = 0;
        try (SceneSource source = new SceneSource(new SceneGenerator(SCENE))) {
            for (Batch b; (b = source.next()) != null; ) {
                if (streamIds.contains(b.stream().id())) {
                    batches.add(copy(b));
                    elementsPerPass += b.size();
                }
            }
        }
        VigilConfig config = ConfigLoader.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] detections = {0};
        try (PipelineRun run = new Pipeline(config, hal, d -> detections[0]++).start(streams)) {
            long passes = 0;
            long wall = 0;
            long cpu = 0;
            for (int round = 0; round < 2; round++) {
                double budget = round == 0 ? Math.min(2, seconds / 2) : seconds;
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                passes = 0;
                do {
                    for (Batch b : batches) {
                        run.accept(b);
                    }
                    for (Batch b : batches) {
                        shift(b);
                    }
                    passes++;
                    wall = System.nanoTime() - start;
                } while (wall < budget * 1e9);
                cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            double signalS = passes * SCENE.durationS();
            return new Lane(signalS / (wall / 1e9), passes * elementsPerPass / (wall / 1e9), cpu / 1e9 / signalS);
        }
    }

    private static Batch copy(Batch b) {
        return switch (b) {
            case SampleBatch s -> s.copy();
            case EventBatch e -> e.copy();
            default -> throw new IllegalStateException("the scene has no text stream");
        };
    }

    /** Moves a batch one scene length later, so the replayed scene continues in time. */
    private static void shift(Batch b) {
        switch (b) {
            case SampleBatch s -> s.shiftTime(SCENE_US);
            case EventBatch e -> e.shiftTime(SCENE_US);
            default -> throw new IllegalStateException("the scene has no text stream");
        }
    }
}
