package dev.vigil.bench;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.features.EventFrameSettings;
import dev.vigil.sensors.features.EventFrames;
import dev.vigil.sensors.features.EventRing;
import dev.vigil.sensors.features.LogMel;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.Mfcc;
import dev.vigil.sensors.features.SampleRing;
import dev.vigil.sensors.features.SpectrumSettings;
import dev.vigil.sensors.features.VibrationSpectra;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.logs.LogFormats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Feature extraction per woken window, on real recordings held in the rings: one operation is one
 * window's features, so the score is µs per window and {@code -prof gc}'s {@code gc.alloc.rate.norm}
 * bytes per window. Views: 40 × 98 log-mel (about 1 s of the Speech Commands "yes/no/go/stop" clip
 * at 16 kHz), the same plus 13 MFCC, the magnitude and envelope spectra of 16,384 CWRU inner-race
 * samples (1.37 s at 12 kHz), and 2 × 65 × 87 polarity count frames of the 117,667 DAVIS346 events
 * (0.13 s, binned by 4).
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc Feature}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureBenchmark {
    private SampleRing audio;
    private LogMel logMel;
    private Mfcc mfcc;
    private float[] mel;
    private float[] cepstra;
    private SampleRing vibration;
    private VibrationSpectra spectra;
    private float[] magnitude;
    private float[] envelope;
    private EventRing events;
    private EventFrames frames;
    private int[] counts;
    private long firstUs;
    private long lastUs;

    @Setup
    public void setUp() throws IOException {
        LogMelSettings ls = LogMelSettings.keywordSpotting(16_000);
        audio = new SampleRing(64_000);
        fill(audio, shared("audio/speechcommands_yes_no_go_stop_alif.wav"), FormatOptions.defaults());
        logMel = new LogMel(ls);
        mfcc = new Mfcc(ls.bands(), ls.frames(), 13);
        mel = new float[ls.size()];
        cepstra = new float[mfcc.size()];
        SpectrumSettings ss = new SpectrumSettings(12_000, 16_384, 2000, 4500, 500);
        vibration = new SampleRing(131_072);
        fill(vibration, shared("vibration/cwru_X105_inner007_0hp_12kDE.mat"),
                FormatOptions.defaults().withSampleRate(12_000).withUnits("g"));
        spectra = new VibrationSpectra(ss);
        magnitude = new float[ss.spectrumBins()];
        envelope = new float[ss.envelopeBins()];
        events = new EventRing(200_000);
        try (SensorSource s = LogFormats.open(shared("event-camera/davis346_aestream_example.aedat4"))) {
            for (Batch b; (b = s.next()) != null; ) {
                if (b instanceof EventBatch e && e.size() > 0) {
                    events.append(e);
                    firstUs = firstUs == 0 ? e.firstTimeUs() : firstUs;
                    lastUs = e.lastTimeUs();
                }
            }
        }
        frames = new EventFrames(EventFrameSettings.wholeSensor(346, 260, 4));
        counts = new int[frames.settings().size()];
        if (events.written() != 117_667) {
            throw new IllegalStateException("expected the 117,667 DAVIS events, read " + events.written());
        }
    }

    private static Path shared(String file) {
        return Path.of(System.getProperty("vigil.shared", "../shared")).resolve("data").resolve(file);
    }

    private static void fill(SampleRing ring, Path file, FormatOptions options) throws IOException {
        try (SensorSource s = LogFormats.open(file, options)) {
            for (Batch b; (b = s.next()) != null; ) {
                if (b instanceof SampleBatch sb) {
                    ring.append(sb, 0);
                }
            }
        }
    }

    @Benchmark
    public float logMel40x98() {
        logMel.compute(audio, mel);
        return mel[0];
    }

    @Benchmark
    public float logMelAndMfcc13() {
        logMel.compute(audio, mel);
        mfcc.compute(mel, cepstra);
        return cepstra[0];
    }

    @Benchmark
    public float vibrationSpectra16k() {
        spectra.compute(vibration, magnitude, envelope);
        return envelope[200];
    }

    @Benchmark
    public int eventFrames2x65x87() {
        return frames.compute(events, firstUs, lastUs + 1, counts);
    }
}
