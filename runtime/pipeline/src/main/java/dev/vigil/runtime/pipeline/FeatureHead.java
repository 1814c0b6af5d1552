package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.features.LogMel;
import dev.vigil.sensors.features.SampleRing;

import java.util.List;

/**
 * A dense head that reads an audio lane's raw-signal features instead of its spike counts: the lane's
 * first channel is kept in a fixed ring, and on wake the log-mel frames of the newest span (up to the
 * end of the batch that woke it) are computed and run through a model file's executor (e.g. ONNX).
 * Appending allocates nothing; a run allocates only what the executor's runtime does.
 */
final class FeatureHead {
    private final SampleRing ring;
    private final LogMel logMel;
    private final FloatExecutor executor;
    private final List<String> labels;
    private final float[] features;
    private final float[] scores;
    private final long spanUs;
    private long runs;
    private long nanos;
    private long appendNanos;
    private long computeNanos;

    FeatureHead(LogMel logMel, FloatExecutor executor, List<String> labels) {
        this.logMel = logMel;
        this.executor = executor;
        this.labels = List.copyOf(labels);
        this.ring = new SampleRing(logMel.settings().spanSamples());
        this.features = new float[logMel.settings().size()];
        this.scores = new float[labels.size()];
        this.spanUs = Math.round(logMel.settings().spanSamples() * 1e6 / logMel.settings().sampleRate());
    }

    /** Keeps the batch's first channel. */
    void append(SampleBatch batch) {
        long t0 = System.nanoTime();
        ring.append(batch, 0);
        appendNanos += System.nanoTime() - t0;
    }

    /** The label with the highest score and its softmax probability, from the newest span's features. */
    Labelled run() {
        long t0 = CpuClock.nanos();
        logMel.compute(ring, features);
        long t1 = CpuClock.nanos();
        computeNanos += t1 - t0;
        executor.run(features, scores);
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double sum = 0;
        for (float s : scores) {
            sum += Math.exp(s - scores[best]);
        }
        nanos += CpuClock.nanos() - t1;
        runs++;
        return new Labelled(labels.get(best), 1 / sum);
    }

    /** Runs so far. */
    long runs() {
        return runs;
    }

    /** Thread CPU time spent running the model (softmax included, features not), ns. */
    long nanos() {
        return nanos;
    }

    /**
     * Time spent keeping samples (wall time × {@code cpuShare}: read on every batch, thread CPU time
     * would cost more than the append) and computing features (thread CPU time), and the span one run reads.
     */
    LaneStats.Features features(double cpuShare) {
        return new LaneStats.Features(Math.round(appendNanos * cpuShare), computeNanos, spanUs);
    }

    void close() {
        executor.close();
    }

    /** A head's answer: a label and its probability. */
    record Labelled(String label, double score) {
    }
}
