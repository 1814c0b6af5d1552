package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;

/**
 * A spike encoder of sampled streams (audio, vibration): it encodes {@link SampleBatch}es only, and
 * stamps frame {@code i} of a batch at {@code startUs + floor(i * 1e6 / sampleRate)}.
 */
abstract class SampleEncoder implements SpikeEncoder {
    private final double usPerFrame;

    SampleEncoder(double sampleRate) {
        this.usPerFrame = 1e6 / sampleRate;
    }

    @Override
    public final void encode(Batch batch, SpikeSink sink) {
        if (batch instanceof SampleBatch s) {
            encodeSamples(s, sink);
        }
    }

    /** Encodes {@code batch} frame by frame, pushing spikes to {@code sink} in time order. Allocates nothing. */
    abstract void encodeSamples(SampleBatch batch, SpikeSink sink);

    /** Frame {@code i} of {@code batch}: the mean of its channels. */
    static double mono(SampleBatch batch, int i) {
        float[] data = batch.samples();
        int ch = batch.channels();
        if (ch == 1) {
            return data[i];
        }
        double x = 0;
        for (int c = 0; c < ch; c++) {
            x += data[i * ch + c];
        }
        return x / ch;
    }

    /** The time of frame {@code i} of {@code batch}, in microseconds. */
    final long frameUs(SampleBatch batch, int i) {
        return batch.startUs() + (long) Math.floor(i * usPerFrame);
    }
}
