package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

import java.util.function.IntToDoubleFunction;

/** Builds sampled batches from formulas and counts spikes per channel. */
final class EncoderFixtures {

    private EncoderFixtures() {
    }

    /** Feeds {@code seconds} of {@code signal} (sample index to value) in 10 ms batches. */
    static void feed(SpikeEncoder enc, StreamKind kind, double rate, double seconds, IntToDoubleFunction signal, SpikeSink sink) {
        StreamDescriptor d = StreamDescriptor.sampled(0, kind, "test", rate, 1, "FS");
        int per = (int) (rate / 100);
        SampleBatch b = new SampleBatch(d, per);
        int total = (int) (rate * seconds);
        for (int start = 0; start < total; start += per) {
            int n = Math.min(per, total - start);
            float[] s = b.samples();
            for (int i = 0; i < n; i++) {
                s[i] = (float) signal.applyAsDouble(start + i);
            }
            b.set((long) Math.floor(start * 1e6 / rate), n);
            enc.encode(b, sink);
        }
    }
}
