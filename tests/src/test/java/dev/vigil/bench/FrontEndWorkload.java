package dev.vigil.bench;

import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.SumPoolLayer;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.logs.LogFormats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The benchmark workload of {@code shared/bench/WORKLOAD.md}: DVS events mapped onto a 2x128x128 grid,
 * 2x2 sum pooling (pure routing) to 2x64x64, a 3x3 convolution (padding 1) onto 8x64x64 integer LIF
 * neurons ({@code v -= v >> 4; v += I; spike and reset to 0 at v >= 256}). Input indices are the
 * mapped, unpooled pixels {@code p*16384 + y'*128 + x'}; the pooling runs on the device.
 */
final class FrontEndWorkload {
    static final int GRID = 128;
    static final int STEP_US = 1000;
    static final int OUTPUTS = 8 * 64 * 64;

    /** {@code numpy.random.default_rng(42).integers(-64, 64, size=(8,2,3,3))}, as listed in WORKLOAD.md section 3. */
    private static final int[] WEIGHTS = {
            -53, 35, 19, -8, -9, 45, -53, 25, -39, -52, 3, 60, 30, 33, 27, 36, 1, -48,
            43, -7, 0, -17, -41, 54, 36, 18, -13, 41, 5, -8, -7, -35, -53, 6, 49, -56,
            45, 41, -29, 16, -43, 33, 25, -19, -56, 60, -7, 50, 22, 35, 33, -40, -18, -5,
            -1, -59, 5, -45, 31, 23, 54, 31, -18, 59, -12, -23, 51, -17, -55, -4, 37, -40,
            -5, -48, 23, -4, -22, -35, 8, 21, 56, -9, -44, 42, 16, 25, -52, -25, 34, 42,
            -9, 39, 43, -15, 50, -28, -34, 23, 17, -47, 42, -39, 39, -64, 37, 36, 35, 21,
            -4, 26, -29, 35, 7, -6, 0, 8, -60, -47, -33, -50, -8, 21, 19, -4, 45, 8,
            -54, 33, 9, 17, 8, 6, -53, 7, 37, -26, 13, -61, -20, -9, 61, -37, -29, -12,
    };

    private FrontEndWorkload() {
    }

    /** The pooling and convolution layers with their LIF neurons. */
    static Network network() {
        FeatureShape grid = new FeatureShape(2, GRID, GRID);
        SumPoolLayer pool = new SumPoolLayer("pool2x2", grid, 2, 2);
        ConvLayer conv = ConvLayer.square("conv3x3", pool.output(), 8, 3, 1, 1, 1, WEIGHTS,
                NeuronParams.lif(256, 4));
        return new Network("dvs-frontend", grid.size(), List.of(pool, conv));
    }

    /** Input pixel indices grouped by step: step {@code s} holds {@code pixels[stepStart[s] .. stepStart[s+1])}. */
    record Input(int[] stepStart, int[] pixels) {
        int steps() {
            return stepStart.length - 1;
        }

        int events() {
            return stepStart[steps()];
        }

        /** The stream {@code copies} times back to back. */
        Input replicate(int copies) {
            int n = events();
            int[] px = new int[n * copies];
            int[] starts = new int[steps() * copies + 1];
            for (int k = 0; k < copies; k++) {
                System.arraycopy(pixels, 0, px, k * n, n);
                for (int s = 0; s < steps(); s++) {
                    starts[k * steps() + s] = k * n + stepStart[s];
                }
            }
            starts[steps() * copies] = n * copies;
            return new Input(starts, px);
        }
    }

    /** The workload's recording: {@code event-camera/davis346_aestream_example.aedat4} under the shared data folder. */
    static Path recording() {
        return Path.of(System.getProperty("vigil.shared", "../shared"), "data", "event-camera",
                "davis346_aestream_example.aedat4");
    }

    /** Reads every event of the first DVS stream of {@code file} and maps it (section 2). */
    static Input load(Path file) throws IOException {
        long[] t = new long[1 << 16];
        short[] x = new short[t.length];
        short[] y = new short[t.length];
        byte[] p = new byte[t.length];
        int n = 0;
        int width = 0;
        int height = 0;
        try (SensorSource source = LogFormats.open(file)) {
            StreamDescriptor dvs = source.streams().stream().filter(s -> s.kind() == StreamKind.DVS).findFirst()
                    .orElseThrow(() -> new IOException(file + ": no DVS stream"));
            width = dvs.width();
            height = dvs.height();
            for (Batch b; (b = source.next()) != null; ) {
                if (!(b instanceof EventBatch e) || e.stream().id() != dvs.id()) {
                    continue;
                }
                if (n + e.size() > t.length) {
                    int c = Math.max(n + e.size(), t.length * 2);
                    t = Arrays.copyOf(t, c);
                    x = Arrays.copyOf(x, c);
                    y = Arrays.copyOf(y, c);
                    p = Arrays.copyOf(p, c);
                }
                System.arraycopy(e.times(), 0, t, n, e.size());
                System.arraycopy(e.xs(), 0, x, n, e.size());
                System.arraycopy(e.ys(), 0, y, n, e.size());
                System.arraycopy(e.polarities(), 0, p, n, e.size());
                n += e.size();
            }
        }
        return map(t, x, y, p, n, width, height);
    }

    /** Maps events (time in µs, x, y, polarity; timestamps non-decreasing) as WORKLOAD.md section 2 says. */
    static Input map(long[] t, short[] x, short[] y, byte[] p, int count, int width, int height) {
        long first = t[0];
        int steps = (int) ((t[count - 1] - first) / STEP_US) + 1;
        int[] starts = new int[steps + 1];
        int[] pixels = new int[count];
        for (int i = 0; i < count; i++) {
            int step = (int) ((t[i] - first) / STEP_US);
            starts[step + 1]++;
            int gx = x[i] * GRID / width;
            int gy = y[i] * GRID / height;
            pixels[i] = (p[i] * GRID + gy) * GRID + gx;
        }
        for (int s = 0; s < steps; s++) {
            starts[s + 1] += starts[s];
        }
        return new Input(starts, pixels);
    }

    /** Per-step output spike lists held in one reused array. */
    static final class SpikeLists implements IntConsumer {
        final int[] stepEnd;
        int[] neurons;
        int size;
        private int step;

        SpikeLists(int steps, int capacity) {
            stepEnd = new int[steps];
            neurons = new int[capacity];
        }

        void clear() {
            size = 0;
            step = 0;
        }

        @Override
        public void accept(int neuron) {
            neurons[size++] = neuron;
        }

        void endStep() {
            stepEnd[step++] = size;
        }

        Digest digest(int firstStep, int lastStep) {
            long checksum = 0;
            long hash = 0;
            long spikes = 0;
            for (int s = firstStep; s < lastStep; s++) {
                for (int k = s == 0 ? 0 : stepEnd[s - 1]; k < stepEnd[s]; k++) {
                    int n = neurons[k];
                    spikes++;
                    checksum = (checksum + (long) s * 1_000_000L + n) & ((1L << 61) - 1);
                    hash += splitmix64((long) s * 32768L + n);
                }
            }
            return new Digest(spikes, checksum, hash);
        }
    }

    /** Spike count, checksum mod 2^61 and the order-independent splitmix64 hash (WORKLOAD.md section 6). */
    record Digest(long spikes, long checksum, long hash64) {
        String hashUnsigned() {
            return Long.toUnsignedString(hash64);
        }
    }

    static long splitmix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Runs {@code input} through {@code session} from its current state, recording spikes: the timed region. */
    static void run(DeviceSession session, Input input, SpikeLists out) {
        int[] pixels = input.pixels();
        int[] starts = input.stepStart();
        out.clear();
        for (int s = 0, steps = input.steps(); s < steps; s++) {
            session.inject(pixels, starts[s], starts[s + 1]);
            session.step(out);
            out.endStep();
        }
    }
}
