package dev.vigil.runtime.learn;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first channel of every sampled stream it names, whole, in memory, as another source's
 * batches pass: what a CNN head's training cuts its feature spans from. Training only (it
 * grows with the recording: 4 bytes a sample).
 */
final class SampleTape {
    private final SensorSource source;
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();

    /** Passes {@code source} on, keeping the streams whose ids are in {@code keep}. */
    SampleTape(SensorSource source, List<Integer> keep) {
        this.source = source;
        for (StreamDescriptor s : source.streams()) {
            if (keep.contains(s.id())) {
                tracks.put(s.id(), new Track(s.sampleRate()));
            }
        }
    }

    /** The source, its sampled batches kept as they pass. */
    SensorSource source() {
        return SensorSource.tapped(source, b -> {
            if (b instanceof SampleBatch s && s.size() > 0) {
                Track t = tracks.get(s.stream().id());
                if (t != null) {
                    t.add(s);
                }
            }
        });
    }

    /** The kept samples of stream {@code id}, or null when it was not kept. */
    Track track(int id) {
        return tracks.get(id);
    }

    /** One stream's first channel from its first batch on. */
    static final class Track {
        private final double rate;
        private float[] samples = new float[1 << 16];
        private int size;
        private long firstUs = Long.MIN_VALUE;

        Track(double rate) {
            this.rate = rate;
        }

        private void add(SampleBatch b) {
            if (firstUs == Long.MIN_VALUE) {
                firstUs = b.startUs();
            }
            if (size + b.size() > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + b.size()));
            }
            float[] s = b.samples();
            int channels = b.channels();
            for (int i = 0; i < b.size(); i++) {
                samples[size++] = s[i * channels];
            }
        }

        /** Samples kept. */
        int size() {
            return size;
        }

        /** Sample {@code i} (0 outside the kept ones). */
        float at(long i) {
            return i < 0 || i >= size ? 0 : samples[(int) i];
        }

        /** The number of the first sample at or after device time {@code us}. */
        long index(long us) {
            return firstUs == Long.MIN_VALUE ? 0 : (long) Math.ceil((us - firstUs) * rate / 1e6);
        }
    }
}
