package dev.vigil.tests;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.WindowRecorder;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.replay.ReplayClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Convolutional NIR front ends as the event camera's lane, live in {@code vigil replay}: the two
 * fixture CNNs of {@code ../shared/data/nir} (sum pooling with IF neurons; average pooling with LIF and
 * CubaLIF) compiled for the fast device, on the N-MNIST sample (34x34, fed one to one) and on the
 * DAVIS346 recording (346x260, its centre 238x238 fed at 1/7).
 */
class ConvFrontEndLiveTest {
    private static final Path NMNIST = TestPaths.shared().resolve("data/event-camera/nmnist_tonic_sample.bin");
    private static final Path DAVIS = TestPaths.shared().resolve("data/event-camera/davis346_aestream_example.aedat4");
    private static final Pattern DVS_ROW = Pattern.compile("(?m)^\\s+dvs\\s+([\\d,]+) events\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)");

    @TempDir
    static Path dir;
    static Path bundle;
    static Path avgpoolBundle;

    @BeforeAll
    static void compile() {
        bundle = compile("conv_dvs_sumpool_if");
        avgpoolBundle = compile("conv_dvs_avgpool_lif");
    }

    private static Path compile(String fixture) {
        Path out = dir.resolve(fixture + ".vigil");
        CliRun run = CliRun.run("compile", TestPaths.shared().resolve("data/nir/" + fixture + ".nir").toString(),
                "--device", "fast", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("wrote model bundle " + out + " (lanes dvs;"), "a 2x34x34 input makes an event-camera lane: " + run.err());
        return out;
    }

    /** The dvs row of a replay's summary: input events, spikes in, spikes out, steps, windows. */
    private static long[] dvsRow(CliRun run) {
        Matcher m = DVS_ROW.matcher(run.err());
        assertTrue(m.find(), run.err());
        long[] row = new long[5];
        for (int i = 0; i < row.length; i++) {
            row[i] = Long.parseLong(m.group(i + 1).replace(",", ""));
        }
        return row;
    }

    @Test
    void onTheNmnistSampleTheLaneGivesWhatTheNetworkGivesOnTheSameFramesThroughTheDeviceDirectly() throws Exception {
        CliRun replay = CliRun.run("replay", NMNIST.toString(), "--max", "--no-mqtt", "--device", "fast", "--model", bundle.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        long[] row = dvsRow(replay);
        assertEquals(4325, row[0]);
        assertEquals(4325, row[1], "a 34x34 camera feeds a 2x34x34 input one to one");
        assertTrue(row[2] > 100, "the CNN's six outputs spike: " + replay.err());

        VigilConfig cfg = ConfigLoader.defaults();
        ModelBundle b = BundleCodec.read(bundle, cfg);
        NeuromorphicDevice fast = Devices.find("fast").orElseThrow().create();
        WindowRecorder rec = new WindowRecorder();
        try (SensorSource source = LogFormats.open(NMNIST)) {
            new Pipeline(cfg, fast, d -> { }).use(b).observe(rec).run(source, ReplayClock.asFastAsPossible());
        }
        WindowRecorder.LaneWindows lane = rec.lanes().get("dvs");
        int[][] direct = direct(b.lanes().getFirst().frontEnd().network(), fast);
        assertEquals(direct.length, lane.size(), "windows up to the step of the last event");
        int total = 0;
        int active = 0;
        for (int w = 0; w < lane.size(); w++) {
            int[] counts = new int[6];
            for (int n = 0; n < 6; n++) {
                counts[n] = lane.count(w, n);
            }
            assertArrayEquals(direct[w], counts, "window " + w);
            total += Arrays.stream(counts).sum();
        }
        for (int n = 0; n < 6; n++) {
            int neuron = n;
            active += java.util.stream.IntStream.range(0, lane.size()).anyMatch(w -> lane.count(w, neuron) > 0) ? 1 : 0;
        }
        assertEquals(7, lane.size(), "0.31 s of input: six whole 50 ms windows and the short last one");
        assertTrue(total > 100 && active >= 4, total + " output spikes over " + active + " outputs");
    }

    /**
     * The network on the N-MNIST events binned by hand: step k holds the events of [origin + k ms,
     * origin + (k+1) ms), origin the first event's time floored to the millisecond, input p*34*34 + y*34 + x;
     * output spikes counted per 50 steps, up to the step of the last event (the last window may be short).
     */
    private static int[][] direct(Network network, NeuromorphicDevice device) throws Exception {
        List<long[]> events = new ArrayList<>();
        try (SensorSource source = LogFormats.open(NMNIST)) {
            Batch b;
            while ((b = source.next()) != null) {
                EventBatch e = (EventBatch) b;
                for (int i = 0; i < e.size(); i++) {
                    events.add(new long[] {e.t(i), e.p(i) * 34 * 34 + e.y(i) * 34 + e.x(i)});
                }
            }
        }
        long origin = Math.floorDiv(events.getFirst()[0], 1000) * 1000;
        int steps = (int) ((events.getLast()[0] - origin) / 1000 + 1);
        int[][] counts = new int[(steps + 49) / 50][6];
        try (DeviceSession s = device.open(NetworkCompiler.compile(network, device.capabilities()))) {
            int next = 0;
            for (int step = 0; step < steps; step++) {
                List<Integer> in = new ArrayList<>();
                while (next < events.size() && (events.get(next)[0] - origin) / 1000 == step) {
                    in.add((int) events.get(next++)[1]);
                }
                int[] spikes = in.stream().mapToInt(Integer::intValue).toArray();
                s.inject(spikes, 0, spikes.length);
                int window = step / 50;
                s.step(o -> counts[window][o]++);
            }
        }
        return counts;
    }

    @Test
    void onTheDavisRecordingTheLaneCropsTheFrameAndTheCnnSpikes() {
        CliRun replay = CliRun.run("replay", DAVIS.toString(), "--max", "--no-mqtt", "--device", "fast", "--model", bundle.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        long[] row = dvsRow(replay);
        assertEquals(117_667, row[0]);
        assertTrue(row[1] > 50_000 && row[1] < row[0], "events outside the centre 238x238 are dropped: " + row[1]);
        assertTrue(row[2] > 50, "the CNN's outputs spike on the DAVIS scene: " + replay.err());
        assertTrue(replay.err().contains("lane dvs: front end 'conv_dvs_sumpool_if' (input 2x34x34, 6 readouts, step 1000 us,"
                + " compiled for 'fast')"), replay.err());
    }

    @Test
    void theAveragePoolingLifCnnRunsLiveOnBothRecordings() {
        for (Path log : List.of(NMNIST, DAVIS)) {
            CliRun replay = CliRun.run("replay", log.toString(), "--max", "--no-mqtt", "--device", "fast", "--model", avgpoolBundle.toString());
            assertEquals(0, replay.exitCode(), replay.err());
            long[] row = dvsRow(replay);
            assertTrue(row[1] > 1000, "input spikes reach the front end: " + replay.err());
            assertTrue(row[2] > 50, "the CNN's five CubaLIF outputs spike on " + log.getFileName() + ": " + replay.err());
            assertTrue(replay.err().contains("front end 'conv_dvs_avgpool_lif' (input 2x34x34, 5 readouts"), replay.err());
        }
    }
}
