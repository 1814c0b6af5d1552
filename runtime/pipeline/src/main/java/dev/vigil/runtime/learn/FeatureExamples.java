package dev.vigil.runtime.learn;

import dev.vigil.runtime.bundle.FeatureSpec;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.SpanFeatures;
import dev.vigil.sensors.features.SpectrumSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a CNN head's training examples from a {@link SampleTape.Track}: the int8 features of the span that
 * ends where the head would run, once as recorded and {@value #AUGMENTED} times augmented. Each augmented
 * copy moves the run point by up to {@code jitter} samples either way (the wake point varied: where the
 * rule fires and where the batch that closes the window ends), scales the span by a gain of 0.5 to 2
 * (log-uniform), mixes in a stretch of the lane's own background at a signal-to-noise ratio drawn from
 * {@link #SNR_DB} (by RMS), and, for log-mel frames, makes them sound like another voice ({@link OtherVoice}).
 * All draws come from one seeded generator, in example order.
 */
final class FeatureExamples {
    /** Augmented copies per example. */
    static final int AUGMENTED = 3;
    /** Signal-to-noise ratios of the noise mixing, dB. */
    static final double[] SNR_DB = {20, 10, 5, 0};
    /** Highest envelope frequency a vibration head reads, Hz (the CWRU defect lines and harmonics lie below). */
    static final double ENVELOPE_MAX_HZ = 600;

    private final SampleTape.Track track;
    private final SpanFeatures extractor;
    private final Int8Scale scale;
    private final long[] noiseEnds;
    private final SplittableRandom rnd;
    private final int jitter;
    private final float[] span;
    private final float[] noise;
    private final float[] values;
    private final OtherVoice otherVoice;

    FeatureExamples(SampleTape.Track track, FeatureSpec spec, long[] noiseEnds, int jitter, long seed) {
        this.track = track;
        this.extractor = spec.extractor();
        this.scale = spec.scale();
        this.noiseEnds = noiseEnds.clone();
        this.jitter = jitter;
        this.rnd = new SplittableRandom(seed);
        this.span = new float[extractor.spanSamples()];
        this.noise = new float[extractor.spanSamples()];
        this.values = new float[extractor.size()];
        this.otherVoice = spec.logMel() == null ? null : new OtherVoice(spec.logMel().bands(), extractor.size());
    }

    /** The features a head over {@code stream} reads: log-mel frames for audio, spectra for vibration; null otherwise. */
    static FeatureSpec specFor(StreamDescriptor stream) {
        double rate = stream.sampleRate();
        if (stream.kind() == StreamKind.AUDIO) {
            return FeatureSpec.logMel(LogMelSettings.keywordSpotting(rate), Int8Scale.LOG_MEL);
        }
        if (stream.kind() == StreamKind.VIBRATION && rate > 2 * ENVELOPE_MAX_HZ) {
            int fft = Integer.highestOneBit((int) Math.max(16, rate / 3));
            double high = Math.min(4500, 0.45 * rate);
            double low = Math.min(2000, high / 2);
            return FeatureSpec.spectra(new SpectrumSettings(rate, fft, low, high, ENVELOPE_MAX_HZ), Int8Scale.SPECTRUM);
        }
        return null;
    }

    /** The example ending before sample {@code end}, then its augmented copies, all of class {@code label}. */
    List<CnnHeadTrainer.Example> around(long end, int label) {
        List<CnnHeadTrainer.Example> out = new ArrayList<>(AUGMENTED + 1);
        out.add(new CnnHeadTrainer.Example(features(end, 1, -1, 0, false), label));
        for (int a = 0; a < AUGMENTED; a++) {
            long shifted = end + (jitter == 0 ? 0 : rnd.nextInt(2 * jitter + 1) - jitter);
            double gain = StrictMath.exp((rnd.nextDouble() * 2 - 1) * StrictMath.log(2));
            long noiseEnd = noiseEnds.length == 0 ? -1 : noiseEnds[rnd.nextInt(noiseEnds.length)];
            double snrDb = SNR_DB[rnd.nextInt(SNR_DB.length)];
            out.add(new CnnHeadTrainer.Example(features(shifted, gain, noiseEnd, snrDb, true), label));
        }
        return out;
    }

    /** The int8 features of the span ending before {@code end}, with the background span ending before {@code noiseEnd} (none when negative) mixed in {@code snrDb} under it, times {@code gain}; log-mel frames of an {@code augmented} copy as another voice would give them. */
    private int[] features(long end, double gain, long noiseEnd, double snrDb, boolean augmented) {
        copy(end, span);
        if (noiseEnd >= 0) {
            copy(noiseEnd, noise);
            double weight = rms(span) / Math.max(1e-12, rms(noise)) * StrictMath.pow(10, -snrDb / 20);
            for (int i = 0; i < span.length; i++) {
                span[i] += (float) (weight * noise[i]);
            }
        }
        for (int i = 0; i < span.length; i++) {
            span[i] = (float) (span[i] * gain);
        }
        extractor.compute(span, values);
        if (augmented && otherVoice != null) {
            otherVoice.apply(values, rnd);
        }
        int[] q = new int[values.length];
        scale.quantise(values, values.length, q);
        return q;
    }

    private void copy(long end, float[] dst) {
        long from = end - dst.length;
        for (int i = 0; i < dst.length; i++) {
            dst[i] = track.at(from + i);
        }
    }

    private static double rms(float[] s) {
        double sum = 0;
        for (float v : s) {
            sum += (double) v * v;
        }
        return StrictMath.sqrt(sum / s.length);
    }
}
