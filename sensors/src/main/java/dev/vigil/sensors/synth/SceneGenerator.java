package dev.vigil.sensors.synth;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.TextBatch;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates the three-sensor demo scene into a Vigil recording, deterministically from a seed
 * ({@link java.util.Random} and StrictMath's sine, cosine and exponential only, so the bytes are the same on every
 * JVM; sine and cosine through {@link StrictTrig}, bit-equal and allocation-free).
 * <ul>
 *   <li>Event camera, 128×96: background activity of about 2,000 events/s, plus a bright bar whose
 *       leading edge sweeps left to right (ON events) followed by its trailing edge (OFF).</li>
 *   <li>Audio, 16 kHz mono, full scale: noise at about -40 dBFS, plus a voiced burst (140 Hz
 *       harmonics shaped by three formants, 4 Hz syllable envelope).</li>
 *   <li>Vibration, 12 kHz, one axis in g: a 1,797 rpm shaft tone plus noise, plus an inner-race fault
 *       (impulses at BPFI = 5.4152 × shaft rate, as for a 6205 bearing, each ringing a 3 kHz
 *       resonance, amplitude-modulated by the shaft).</li>
 * </ul>
 * Chunks are written in 10 ms slices, streams interleaved in time order.
 */
public final class SceneGenerator {
    /** Stream ids in the generated recording. */
    public static final int DVS_ID = 0;
    public static final int AUDIO_ID = 1;
    public static final int VIBRATION_ID = 2;

    static final int WIDTH = 128;
    static final int HEIGHT = 96;
    static final int AUDIO_RATE = 16_000;
    static final int VIBRATION_RATE = 12_000;
    static final int SLICE_US = 10_000;
    private static final double SHAFT_HZ = 1797 / 60.0;
    private static final double BPFI_HZ = 5.4152 * SHAFT_HZ;
    private static final double RESONANCE_HZ = 3000;
    private static final double RING_DECAY = StrictMath.exp(-1.0 / (0.0008 * VIBRATION_RATE));
    private static final double F0 = 140;
    private static final double[] HARMONIC_GAIN = harmonicGains();
    /** Event sort keys are time << INDEX_BITS | index into the slice's scratch arrays. */
    private static final int INDEX_BITS = 24;
    private static final int INDEX_MASK = (1 << INDEX_BITS) - 1;

    private final SceneSpec spec;

    /** A generator for {@code spec}. */
    public SceneGenerator(SceneSpec spec) {
        this.spec = spec;
    }

    /** What the generator produces. */
    public SceneSpec spec() {
        return spec;
    }

    /** The streams the generator writes. */
    public static List<StreamDescriptor> streams() {
        return List.of(
                StreamDescriptor.dvs(DVS_ID, "vigil-synth edge camera", WIDTH, HEIGHT),
                StreamDescriptor.sampled(AUDIO_ID, StreamKind.AUDIO, "vigil-synth microphone", AUDIO_RATE, 1, "FS"),
                StreamDescriptor.sampled(VIBRATION_ID, StreamKind.VIBRATION, "vigil-synth accelerometer", VIBRATION_RATE, 1, "g"));
    }

    /** Writes the whole scene to {@code writer}. */
    public void writeTo(VlogWriter writer) throws IOException {
        try (SceneSource source = new SceneSource(this)) {
            Batch b;
            while ((b = source.next()) != null) {
                switch (b) {
                    case EventBatch e -> writer.write(e);
                    case SampleBatch s -> writer.write(s);
                    case TextBatch t -> throw new IllegalStateException("the scene has no text stream");
                }
            }
        }
    }

    /**
     * Generator state for one pass over the scene, slice by slice. Buffers are allocated once (the
     * event scratch grows to the busiest slice) and {@link #restart()} replays the scene in them, so a
     * looping source allocates nothing per sample or event.
     */
    final class Pass {
        private final Random dvsRandom = new Random();
        private final Random audioRandom = new Random();
        private final Random vibRandom = new Random();
        private final StrictTrig trig = new StrictTrig();
        private final EventBatch events;
        private final SampleBatch audio;
        private final SampleBatch vib;
        private final long totalUs = Math.round(spec.durationS() * 1e6);
        private double ring;
        private long sliceStart;
        private long audioIndex;
        private long vibIndex;
        private int inSlice;
        private long[] eventTimes = new long[0];
        private int[] eventXs = new int[0];
        private int[] eventYs = new int[0];
        private int[] eventPs = new int[0];
        private long[] sortKeys = new long[0];
        private long[] sortScratch = new long[0];

        Pass() {
            List<StreamDescriptor> s = streams();
            events = new EventBatch(s.get(0), 4096);
            audio = new SampleBatch(s.get(1), AUDIO_RATE * SLICE_US / 1_000_000);
            vib = new SampleBatch(s.get(2), VIBRATION_RATE * SLICE_US / 1_000_000);
            restart();
        }

        /** Back to the start of the scene: the same batches again, in the same buffers. */
        void restart() {
            dvsRandom.setSeed(spec.seed());
            audioRandom.setSeed(spec.seed() * 31 + 1);
            vibRandom.setSeed(spec.seed() * 31 + 2);
            ring = 0;
            sliceStart = 0;
            audioIndex = 0;
            vibIndex = 0;
            inSlice = 0;
        }

        /** Device time at which the next batch starts, or -1 at the end. */
        long nextTimeUs() {
            return sliceStart < totalUs ? sliceStart : -1;
        }

        /** The next batch (DVS, audio, vibration for each 10 ms slice), or null at the end. */
        Batch next() {
            if (sliceStart >= totalUs) {
                return null;
            }
            long t1 = Math.min(totalUs, sliceStart + SLICE_US);
            Batch out;
            switch (inSlice) {
                case 0 -> {
                    fillEvents(sliceStart, t1);
                    out = events;
                }
                case 1 -> {
                    int na = (int) (t1 * AUDIO_RATE / 1_000_000 - audioIndex);
                    fillAudio(audioIndex, na);
                    audioIndex += na;
                    out = audio;
                }
                default -> {
                    int nv = (int) (t1 * VIBRATION_RATE / 1_000_000 - vibIndex);
                    fillVibration(vibIndex, nv);
                    vibIndex += nv;
                    out = vib;
                }
            }
            if (++inSlice == 3) {
                inSlice = 0;
                sliceStart = t1;
            }
            return out;
        }

        /**
         * Background events, then the bar's edges, in time order (ties: background first, then in the
         * order drawn). Draws come in a fixed order: the background count, the edges, then each
         * background event's time, x, y and polarity.
         */
        private void fillEvents(long t0, long t1) {
            Random r = dvsRandom;
            events.clear();
            int background = poisson(r, 2000.0 * (t1 - t0) / 1e6);
            int edgeCount = 0;
            double start = spec.edgeStartS() * 1e6;
            double end = spec.edgeEndS() * 1e6;
            double barWidth = 4;
            double speed = (WIDTH + barWidth) / (end - start); // px per µs
            ensureEventScratch(background);
            if (t1 > start && t0 < end) {
                double lead0 = (Math.max(t0, start) - start) * speed;
                double lead1 = (Math.min(t1, end) - start) * speed;
                int maxEvents = (int) ((Math.ceil(lead1) - Math.floor(lead0) + 2) * HEIGHT * 2);
                ensureEventScratch(background + maxEvents);
                for (int col = (int) Math.floor(lead0); col < Math.ceil(lead1); col++) {
                    for (int edge = 0; edge < 2; edge++) {
                        int x = edge == 0 ? col : col - (int) barWidth;
                        if (x < 0 || x >= WIDTH || col < lead0) {
                            continue;
                        }
                        long tc = (long) (start + col / speed);
                        for (int y = 0; y < HEIGHT; y++) {
                            if (r.nextDouble() < 0.8) {
                                long te = tc + (long) (r.nextDouble() / speed);
                                if (te < t0 || te >= t1) {
                                    continue;
                                }
                                int at = background + edgeCount++;
                                eventXs[at] = x;
                                eventYs[at] = y;
                                eventPs[at] = edge == 0 ? 1 : 0;
                                eventTimes[at] = te;
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < background; i++) {
                eventTimes[i] = t0 + (long) (r.nextDouble() * (t1 - t0));
                eventXs[i] = r.nextInt(WIDTH);
                eventYs[i] = r.nextInt(HEIGHT);
                eventPs[i] = r.nextInt(2);
            }
            int total = background + edgeCount;
            for (int i = 0; i < total; i++) {
                sortKeys[i] = eventTimes[i] << INDEX_BITS | i;
            }
            mergeSort(sortKeys, sortScratch, total);
            for (int k = 0; k < total; k++) {
                int i = (int) (sortKeys[k] & INDEX_MASK);
                events.add(eventTimes[i], eventXs[i], eventYs[i], eventPs[i]);
            }
        }

        private void ensureEventScratch(int n) {
            if (n > INDEX_MASK) {
                throw new IllegalStateException(n + " events in one 10 ms slice: more than the generator sorts ("
                        + INDEX_MASK + "); use a slower edge (edgeEndS - edgeStartS)");
            }
            if (eventTimes.length < n) {
                int cap = Math.max(n, eventTimes.length * 2);
                eventTimes = Arrays.copyOf(eventTimes, cap);
                eventXs = Arrays.copyOf(eventXs, cap);
                eventYs = Arrays.copyOf(eventYs, cap);
                eventPs = Arrays.copyOf(eventPs, cap);
                sortKeys = new long[cap];
                sortScratch = new long[cap];
            }
        }

        private void fillAudio(long firstIndex, int n) {
            audio.ensureFrames(n);
            float[] s = audio.samples();
            Random r = audioRandom;
            for (int i = 0; i < n; i++) {
                double t = (firstIndex + i) / (double) AUDIO_RATE;
                double v = 0.01 * r.nextGaussian();
                if (t >= spec.speechStartS() && t < spec.speechEndS()) {
                    double local = t - spec.speechStartS();
                    double len = spec.speechEndS() - spec.speechStartS();
                    double fade = Math.min(1, Math.min(local, len - local) / 0.02);
                    double syllable = 0.55 + 0.45 * trig.sin(2 * Math.PI * 4 * local - Math.PI / 2);
                    double voiced = 0;
                    for (int k = 1; k < HARMONIC_GAIN.length; k++) {
                        double f = k * F0;
                        voiced += HARMONIC_GAIN[k] * trig.sin(2 * Math.PI * f * local + k);
                    }
                    v += 0.12 * fade * syllable * voiced;
                }
                s[i] = (float) v;
            }
            audio.set(firstIndex * 1_000_000 / AUDIO_RATE, n);
        }

        private void fillVibration(long firstIndex, int n) {
            vib.ensureFrames(n);
            float[] s = vib.samples();
            Random r = vibRandom;
            for (int i = 0; i < n; i++) {
                long idx = firstIndex + i;
                double t = idx / (double) VIBRATION_RATE;
                double v = 0.05 * trig.sin(2 * Math.PI * SHAFT_HZ * t) + 0.02 * r.nextGaussian();
                if (t >= spec.faultStartS() && t < spec.faultEndS()) {
                    double phase = (t - spec.faultStartS()) * BPFI_HZ;
                    double prevPhase = (t - 1.0 / VIBRATION_RATE - spec.faultStartS()) * BPFI_HZ;
                    if (idx == 0 || Math.floor(phase) != Math.floor(prevPhase) || t - 1.0 / VIBRATION_RATE < spec.faultStartS()) {
                        double modulation = 0.6 + 0.4 * trig.cos(2 * Math.PI * SHAFT_HZ * t);
                        ring = 0.5 * modulation;
                    }
                }
                v += ring * trig.sin(2 * Math.PI * RESONANCE_HZ * t);
                ring *= RING_DECAY;
                s[i] = (float) v;
            }
            vib.set(firstIndex * 1_000_000 / VIBRATION_RATE, n);
        }
    }

    /** Sorts {@code keys[0..n)} (distinct) ascending, bottom-up, through {@code scratch}; allocates nothing. */
    private static void mergeSort(long[] keys, long[] scratch, int n) {
        long[] from = keys;
        long[] to = scratch;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    to[k] = b >= hi || (a < mid && from[a] < from[b]) ? from[a++] : from[b++];
                }
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != keys) {
            System.arraycopy(from, 0, keys, 0, n);
        }
    }

    private static int poisson(Random r, double mean) {
        double l = StrictMath.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Voiced-burst harmonic {@code k}'s amplitude: 0.02 plus its three formants' Gaussian gains. */
    private static double[] harmonicGains() {
        double[] formants = {700, 1220, 2600};
        double[] widths = {130, 170, 250};
        int harmonics = 1;
        while (harmonics * F0 < 3800) {
            harmonics++;
        }
        double[] gains = new double[harmonics];
        for (int k = 1; k < harmonics; k++) {
            double f = k * F0;
            double g = 0;
            for (int j = 0; j < formants.length; j++) {
                double d = (f - formants[j]) / widths[j];
                g += StrictMath.exp(-0.5 * d * d) / (j + 1);
            }
            gains[k] = 0.02 + g;
        }
        return gains;
    }
}
