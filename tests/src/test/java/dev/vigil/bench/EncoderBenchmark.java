package dev.vigil.bench;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.BandDeltaEncoder;
import dev.vigil.sensors.encode.BearingGeometry;
import dev.vigil.sensors.encode.EnvelopeEncoder;
import dev.vigil.sensors.encode.FixedPointBandEncoder;
import dev.vigil.sensors.encode.RiseSpikes;
import dev.vigil.sensors.encode.SpikeEncoder;
import dev.vigil.sensors.encode.SpikeSink;
import dev.vigil.sensors.synth.SceneGenerator;
import dev.vigil.sensors.synth.SceneSource;
import dev.vigil.sensors.synth.SceneSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every spike encoder, and the synthetic live source ({@code driver: synth}), on the demo scene (seed 7:
 * 96,000 audio samples, 72,000 vibration samples, 24,331 DVS events over 6 s). One operation = one
 * sample or event, so the score is ns per sample/event and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes allocated per sample/event (0 in steady state is the target).
 * Encoders replay the scene's batches, stamped 6 s later on each replay. {@code default} is the lane
 * the default config builds (audio: float filterbank; vibration: filterbank plus envelope;
 * DVS: filters and grid). Run: {@code tests/bench -prof gc Encoder}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncoderBenchmark {
    private static final int AUDIO_SAMPLES = 96_000;
    private static final int VIBRATION_SAMPLES = 72_000;
    private static final int DVS_EVENTS = 24_331;
    private static final long SCENE_US = 6_000_000;

    /** The demo scene's batches of one stream, copied once, replayed with shifted times. */
    abstract static class Replay implements SpikeSink {
        final List<Batch> batches = new ArrayList<>();
        SpikeEncoder spikeEncoder;
        long offsetUs;
        long checksum;

        void load(int streamId, int expected) {
            int total = 0;
            try (SceneSource source = new SceneSource(new SceneGenerator(SceneSpec.demo(7)))) {
                Batch b;
                while ((b = source.next()) != null) {
                    if (b.stream().id() == streamId) {
                        batches.add(copy(b));
                        total += b.size();
                    }
                }
            }
            if (total != expected) {
                throw new IllegalStateException("the demo scene's stream " + streamId + " has " + total
                        + " elements, the benchmark counts " + expected + " per operation: update the constant");
            }
        }

        long replay() {
            for (Batch b : batches) {
                spikeEncoder.encode(b, this);
            }
            offsetUs += SCENE_US;
            for (Batch b : batches) {
                shift(b);
            }
            return checksum;
        }

        @Override
        public void spike(long timeUs, int channel) {
            checksum += channel;
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

        static SpikeEncoder defaultLane(StreamDescriptor stream) {
            return LaneModels.forStream(stream, ConfigLoader.defaults()).orElseThrow().encoder();
        }
    }

    /** Audio encoders: the default lane's, the fixed-point filterbank, rises only. */
    @State(Scope.Thread)
    public static class Audio extends Replay {
        @Param({"default", "fixed-point", "rise"})
        public String encoder;

        @Setup
        public void setUp() {
            StreamDescriptor stream = SceneGenerator.streams().get(SceneGenerator.AUDIO_ID);
            spikeEncoder = switch (encoder) {
                case "default" -> defaultLane(stream);
                case "fixed-point" -> new FixedPointBandEncoder(16_000, 16, 100, 7_000, 2, -60, 5, 0);
                case "rise" -> new RiseSpikes(new BandDeltaEncoder(16_000, 16, 100, 7_000, 2, -60, 5, 0));
                default -> throw new IllegalArgumentException(encoder);
            };
            load(SceneGenerator.AUDIO_ID, AUDIO_SAMPLES);
        }
    }

    /** Vibration encoders: the default lane's (filterbank and envelope), the envelope alone. */
    @State(Scope.Thread)
    public static class Vibration extends Replay {
        @Param({"default", "envelope"})
        public String encoder;

        @Setup
        public void setUp() {
            StreamDescriptor stream = SceneGenerator.streams().get(SceneGenerator.VIBRATION_ID);
            spikeEncoder = switch (encoder) {
                case "default" -> defaultLane(stream);
                case "envelope" -> new EnvelopeEncoder(12_000, 1, 2_000, 4_000, 500,
                        BearingGeometry.skf6205().defectFrequencies(1797 / 60.0), 3);
                default -> throw new IllegalArgumentException(encoder);
            };
            load(SceneGenerator.VIBRATION_ID, VIBRATION_SAMPLES);
        }
    }

    /** The event camera's default lane: filters and grid. */
    @State(Scope.Thread)
    public static class Dvs extends Replay {
        @Setup
        public void setUp() {
            spikeEncoder = defaultLane(SceneGenerator.streams().get(SceneGenerator.DVS_ID));
            load(SceneGenerator.DVS_ID, DVS_EVENTS);
        }
    }

    /** The synthetic live source's generator, one pass of the demo scene per operation, rewound in place. */
    @State(Scope.Thread)
    public static class Synth {
        SceneSource source;

        @Setup
        public void setUp() {
            source = new SceneSource(new SceneGenerator(SceneSpec.demo(7)));
            long n = drain(source);
            if (n != AUDIO_SAMPLES + VIBRATION_SAMPLES + DVS_EVENTS) {
                throw new IllegalStateException("the demo scene has " + n + " elements, the benchmark counts "
                        + (AUDIO_SAMPLES + VIBRATION_SAMPLES + DVS_EVENTS));
            }
        }

        static long drain(SceneSource s) {
            long n = 0;
            Batch b;
            while ((b = s.next()) != null) {
                n += b.size();
            }
            return n;
        }
    }

    @Benchmark
    @OperationsPerInvocation(AUDIO_SAMPLES)
    public long audio(Audio a) {
        return a.replay();
    }

    @Benchmark
    @OperationsPerInvocation(VIBRATION_SAMPLES)
    public long vibration(Vibration v) {
        return v.replay();
    }

    @Benchmark
    @OperationsPerInvocation(DVS_EVENTS)
    public long dvs(Dvs d) {
        return d.replay();
    }

    @Benchmark
    @OperationsPerInvocation(AUDIO_SAMPLES + VIBRATION_SAMPLES + DVS_EVENTS)
    public long synthSource(Synth s) {
        s.source.rewind();
        return Synth.drain(s.source);
    }
}
