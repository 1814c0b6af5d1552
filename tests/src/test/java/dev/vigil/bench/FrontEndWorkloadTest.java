package dev.vigil.bench;

import dev.vigil.bench.FrontEndWorkload.Digest;
import dev.vigil.bench.FrontEndWorkload.Input;
import dev.vigil.bench.FrontEndWorkload.SpikeLists;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmark workload reproduces {@code shared/bench/expected.json} bit for bit on the golden
 * device (1x) and on the fast emulated device (1x and 50x), from the real DAVIS346 recording.
 */
class FrontEndWorkloadTest {
    private static Input input;
    private static String expected;

    @BeforeAll
    static void load() throws Exception {
        input = FrontEndWorkload.load(FrontEndWorkload.recording());
        expected = Files.readString(Path.of(System.getProperty("vigil.shared", "../shared"), "bench", "expected.json"));
    }

    private static long expected(String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(expected);
        if (!m.find()) {
            throw new AssertionError("expected.json has no " + key);
        }
        return Long.parseUnsignedLong(m.group(1));
    }

    @Test
    void inputMatchesTheWorkloadDefinition() {
        assertEquals(expected("events_1x"), input.events());
        assertEquals(expected("steps_per_copy"), input.steps());
        int[] perStep = {546, 2683, 1509, 833, 496, 751, 549, 531, 963, 1059, 1104, 2612};
        for (int s = 0; s < perStep.length; s++) {
            assertEquals(perStep[s], input.stepStart()[s + 1] - input.stepStart()[s], "events in step " + s);
        }
    }

    @Test
    void goldenDeviceReproducesTheOneCopyRun() throws Exception {
        SpikeLists out = run("reference", input);
        assertDigest(out.digest(0, 130), "1x");
        int[] perStep = new int[12];
        for (int s = 0; s < 12; s++) {
            perStep[s] = out.stepEnd[s] - (s == 0 ? 0 : out.stepEnd[s - 1]);
        }
        assertArrayEquals(new int[] {181, 1020, 1096, 460, 280, 383, 270, 323, 479, 615, 732, 1628}, perStep);
        int[] firstSpikes = java.util.Arrays.copyOf(out.neurons, out.stepEnd[0]);
        java.util.Arrays.sort(firstSpikes);
        assertArrayEquals(new int[] {11, 12, 74, 75, 76, 77, 104, 137, 138, 139},
                java.util.Arrays.copyOf(firstSpikes, 10));
    }

    @Test
    void fastDeviceReproducesOneAndFiftyCopies() throws Exception {
        Input fifty = input.replicate(50);
        SpikeLists out = run("fast", fifty);
        assertDigest(out.digest(0, 130), "1x");
        assertDigest(out.digest(0, fifty.steps()), "50x");
        assertEquals(72_370, out.digest(130, 260).spikes(), "spikes of copy 1");
        assertEquals(72_368, out.digest(260, 390).spikes(), "spikes of copy 2");
    }

    @Test
    void devicesCountTheWorkloadsSynapticOperations() throws Exception {
        for (String id : new String[] {"reference", "fast"}) {
            NeuromorphicDevice device = Devices.find(id).orElseThrow().create();
            try (DeviceSession session = device.open(NetworkCompiler.compile(FrontEndWorkload.network(),
                    device.capabilities()))) {
                FrontEndWorkload.run(session, input, new SpikeLists(input.steps(), 200_000));
                ActivityCounts c = session.counts();
                assertEquals(expected("synops_1x"), c.synapticOps(), id);
                assertEquals(expected("spikes_1x"), c.outputSpikes(), id);
                assertEquals(130L * 32768, c.neuronUpdates(), id);
            }
        }
    }

    private static SpikeLists run(String deviceId, Input in) throws Exception {
        NeuromorphicDevice device = Devices.find(deviceId).orElseThrow().create();
        SpikeLists out = new SpikeLists(in.steps(), 4_000_000);
        try (DeviceSession session = device.open(NetworkCompiler.compile(FrontEndWorkload.network(),
                device.capabilities()))) {
            FrontEndWorkload.run(session, in, out);
        }
        return out;
    }

    private static void assertDigest(Digest d, String suffix) {
        assertEquals(expected("spikes_" + suffix), d.spikes(), "spikes_" + suffix);
        assertEquals(expected("checksum_" + suffix), d.checksum(), "checksum_" + suffix);
        assertEquals(Long.toUnsignedString(expected("hash64_" + suffix)), d.hashUnsigned(), "hash64_" + suffix);
    }
}
