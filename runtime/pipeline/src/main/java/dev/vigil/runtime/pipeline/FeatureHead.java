package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.SampleRing;
import dev.vigil.sensors.features.SpanFeatures;

import java.util.List;
import java.util.Map;

/**
 * A dense head that reads a sampled lane's raw-signal features instead of its spike counts: the lane's
 * first channel is kept in a fixed ring, and on wake the features of the newest span (up to the end of
 * the batch that woke it) are computed and scored, either by a model file's executor (e.g. ONNX) or by
 * the bundle's int8 model on its dense device, the features quantised by the head's {@link Int8Scale}; the
 * answer is the arg-max label as the head's {@link Acceptance} allows.
 * Appending allocates nothing; a run allocates only what a model file's runtime does.
 */
final class FeatureHead {
    private final SampleRing ring;
    private final SpanFeatures extractor;
    private final Scorer scorer;
    private final List<String> labels;
    private final Acceptance acceptance;
    private final float[] features;
    private final float[] scores;
    private final long spanUs;
    private final long macsPerRun;
    private final DenseDevice device;
    private long runs;
    private long nanos;
    private long appendNanos;
    private long computeNanos;

    private FeatureHead(SpanFeatures extractor, double sampleRate, Scorer scorer, List<String> labels,
                        Map<String, Double> acceptScores, long macsPerRun, DenseDevice device) {
        this.macsPerRun = macsPerRun;
        this.device = device;
        this.extractor = extractor;
        this.scorer = scorer;
        this.labels = List.copyOf(labels);
        this.acceptance = new Acceptance(this.labels, acceptScores);
        this.ring = new SampleRing(extractor.spanSamples());
        this.features = new float[extractor.size()];
        this.scores = new float[labels.size()];
        this.spanUs = Math.round(extractor.spanSamples() * 1e6 / sampleRate);
    }

    /** A head whose scores come from a model file's executor. */
    static FeatureHead external(SpanFeatures extractor, double sampleRate, FloatExecutor executor, List<String> labels,
                                Map<String, Double> acceptScores) {
        return new FeatureHead(extractor, sampleRate, new Scorer() {
            @Override
            public void score(float[] in, float[] out) {
                executor.run(in, out);
            }

            @Override
            public void close() {
                executor.close();
            }
        }, labels, acceptScores, 0, null);
    }

    /** A head whose scores are {@code model}'s logits times its logit scale, run on {@code device}. */
    static FeatureHead int8(SpanFeatures extractor, double sampleRate, Int8Scale scale, Int8Model model, DenseDevice device,
                            Map<String, Double> acceptScores) {
        DenseExecutor executor = device.load(model);
        int[] input = new int[model.inputs()];
        int[] logits = new int[model.labels().size()];
        return new FeatureHead(extractor, sampleRate, new Scorer() {
            @Override
            public void score(float[] in, float[] out) {
                scale.quantise(in, input.length, input);
                executor.run(input, logits);
                for (int i = 0; i < logits.length; i++) {
                    out[i] = (float) (logits[i] * model.logitScale());
                }
            }

            @Override
            public void close() {
            }
        }, model.labels(), acceptScores, model.macs(), device);
    }

    /** Keeps the batch's first channel. */
    void append(SampleBatch batch) {
        long t0 = System.nanoTime();
        ring.append(batch, 0);
        appendNanos += System.nanoTime() - t0;
    }

    /** The label the head answers ({@link Acceptance}) and its softmax probability, from the newest span's features. */
    Labelled run() {
        long t0 = CpuClock.nanos();
        extractor.compute(ring, ring.written(), features);
        long t1 = CpuClock.nanos();
        computeNanos += t1 - t0;
        scorer.score(features, scores);
        int answer = acceptance.answer(scores);
        nanos += CpuClock.nanos() - t1;
        runs++;
        return new Labelled(labels.get(answer), acceptance.probability());
    }

    /** Runs so far. */
    long runs() {
        return runs;
    }

    /** Multiply-accumulates of one run of an int8 head (0 for a model file's: its runtime does not say). */
    long macsPerRun() {
        return macsPerRun;
    }

    /** True unless an int8 head runs on an accelerator. */
    boolean onHostCpu() {
        return device == null || device.onHostCpu();
    }

    /** Energy the int8 head's device itself spent, J (0 on the CPU or for a model file). */
    double deviceJoules() {
        return device == null ? 0 : runs * macsPerRun * device.joulesPerMac();
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
        scorer.close();
    }

    /** A head's answer: a label and its probability. */
    record Labelled(String label, double score) {
    }

    /** Turns a span's features into one score (logit) per label. */
    private interface Scorer {
        void score(float[] features, float[] scores);

        void close();
    }
}
