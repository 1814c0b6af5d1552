package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.SampleRing;
import dev.vigil.sensors.features.SpanFeatures;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A dense head that reads a sampled lane's raw-signal features instead of its spike counts: the lane's
 * first channel is kept in a fixed ring, and on wake the features of the newest span (up to the end of
 * the batch that woke it) are computed and scored, either by a model file's executor (e.g. ONNX) or by
 * the bundle's int8 model (or the mean probabilities of an ensemble of them) on its dense device, the features
 * quantised by the head's {@link Int8Scale}; the answer is the arg-max label as the head's {@link Acceptance} allows. With several runs per wake it scores the
 * newest span and spans ending a spacing earlier each, and answers from their mean probabilities.
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
    private final float[] meanProbabilities;
    private final int runsPerWake;
    private final int spacingSamples;
    private final long spanUs;
    private final long macsPerRun;
    private final DenseDevice device;
    private long runs;
    private long nanos;
    private long appendNanos;
    private long computeNanos;

    private FeatureHead(SpanFeatures extractor, double sampleRate, Scorer scorer, List<String> labels,
                        Map<String, Double> acceptScores, long macsPerRun, DenseDevice device, Runs runs) {
        this.runsPerWake = runs.perWake();
        this.spacingSamples = (int) Math.round(runs.spacingMs() * 1e-3 * sampleRate);
        this.meanProbabilities = new float[labels.size()];
        this.macsPerRun = macsPerRun;
        this.device = device;
        this.extractor = extractor;
        this.scorer = scorer;
        this.labels = List.copyOf(labels);
        this.acceptance = new Acceptance(this.labels, acceptScores);
        this.ring = new SampleRing(extractor.spanSamples() + (runsPerWake - 1) * spacingSamples);
        this.features = new float[extractor.size()];
        this.scores = new float[labels.size()];
        this.spanUs = Math.round(extractor.spanSamples() * 1e6 / sampleRate);
    }

    /**
     * How many spans a head scores per wake and how far apart they end.
     *
     * @param perWake   spans per wake, at least 1
     * @param spacingMs the spacing of their ends, ms
     */
    record Runs(int perWake, double spacingMs) {
    }

    /** A head whose scores come from a model file's executor. */
    static FeatureHead external(SpanFeatures extractor, double sampleRate, FloatExecutor executor, List<String> labels,
                                Map<String, Double> acceptScores, Runs runs) {
        return new FeatureHead(extractor, sampleRate, new Scorer() {
            @Override
            public void score(float[] in, float[] out) {
                executor.run(in, out);
            }

            @Override
            public void close() {
                executor.close();
            }
        }, labels, acceptScores, 0, null, runs);
    }

    /**
     * A head whose scores are {@code models}' logits times their logit scale, run on {@code device}: one model's
     * as they are, an ensemble's as the logarithm of their mean softmax probabilities (so a softmax of the scores
     * gives that mean back). The features are quantised once for every model.
     */
    static FeatureHead int8(SpanFeatures extractor, double sampleRate, Int8Scale scale, List<Int8Model> models, DenseDevice device,
                            Map<String, Double> acceptScores, Runs runs) {
        Int8Model first = models.getFirst();
        List<DenseExecutor> executors = models.stream().map(device::load).toList();
        int[] input = new int[first.inputs()];
        int[] logits = new int[first.labels().size()];
        float[] memberScores = new float[logits.length];
        float[] probabilities = new float[logits.length];
        long macs = models.stream().mapToLong(Int8Model::macs).sum();
        return new FeatureHead(extractor, sampleRate, new Scorer() {
            @Override
            public void score(float[] in, float[] out) {
                scale.quantise(in, input.length, input);
                if (models.size() == 1) {
                    scoreWith(0, out);
                    return;
                }
                Arrays.fill(probabilities, 0);
                for (int m = 0; m < models.size(); m++) {
                    scoreWith(m, memberScores);
                    addSoftmax(memberScores, probabilities);
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) Math.log(probabilities[i] / models.size());
                }
            }

            /** Model {@code m}'s logits times its logit scale, into {@code out}. */
            private void scoreWith(int m, float[] out) {
                executors.get(m).run(input, logits);
                for (int i = 0; i < logits.length; i++) {
                    out[i] = (float) (logits[i] * models.get(m).logitScale());
                }
            }

            @Override
            public void close() {
            }
        }, first.labels(), acceptScores, macs, device, runs);
    }


    /** Keeps the batch's first channel. */
    void append(SampleBatch batch) {
        long t0 = System.nanoTime();
        ring.append(batch, 0);
        appendNanos += System.nanoTime() - t0;
    }

    /**
     * The label the head answers ({@link Acceptance}) and its softmax probability, from the newest span's features,
     * or from the mean probabilities of the newest span and those ending a spacing, two spacings, ... earlier.
     */
    Labelled run() {
        if (runsPerWake == 1) {
            scoreSpan(ring.written());
        } else {
            Arrays.fill(meanProbabilities, 0);
            for (int k = 0; k < runsPerWake; k++) {
                scoreSpan(ring.written() - (long) k * spacingSamples);
                addSoftmax(scores, meanProbabilities);
            }
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) Math.log(meanProbabilities[i] / runsPerWake);
            }
        }
        long t0 = CpuClock.nanos();
        int answer = acceptance.answer(scores);
        nanos += CpuClock.nanos() - t0;
        return new Labelled(labels.get(answer), acceptance.probability());
    }

    /** Scores the span ending before sample {@code end} into {@link #scores}: one run. */
    private void scoreSpan(long end) {
        long t0 = CpuClock.nanos();
        extractor.compute(ring, end, features);
        long t1 = CpuClock.nanos();
        computeNanos += t1 - t0;
        scorer.score(features, scores);
        nanos += CpuClock.nanos() - t1;
        runs++;
    }

    /** Adds the softmax of {@code scores} to {@code sum}: a span's to the spans' mean, an ensemble model's to the models'. */
    private static void addSoftmax(float[] scores, float[] sum) {
        float max = Float.NEGATIVE_INFINITY;
        for (float z : scores) {
            max = Math.max(max, z);
        }
        double total = 0;
        for (float z : scores) {
            total += Math.exp(z - max);
        }
        for (int i = 0; i < scores.length; i++) {
            sum[i] += (float) (Math.exp(scores[i] - max) / total);
        }
    }

    /** Runs so far. */
    long runs() {
        return runs;
    }

    /** Multiply-accumulates of one run of an int8 head, every model of an ensemble counted (0 for a model file's: its runtime does not say). */
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
