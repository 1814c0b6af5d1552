package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.bundle.FeatureSpec;
import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.SpanFeatures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An ensemble head answers from the mean softmax probabilities of its models: the label and score of a feature
 * head over three int8 models of random weights on a second of noise and tone, against each model run apart on the
 * same log-mel features and their probabilities averaged here; one run per span counts every model's MACs.
 */
class FeatureHeadEnsembleTest {
    private static final int RATE = 16_000;
    private static final List<String> LABELS = List.of("yes", "speech", "background");

    @Test
    void anEnsembleAnswersFromItsModelsMeanProbabilities() {
        FeatureSpec spec = FeatureSpec.logMel(LogMelSettings.keywordSpotting(RATE), Int8Scale.LOG_MEL);
        SpanFeatures view = spec.extractor();
        List<Int8Model> models = List.of(model("a", 1, 0.02), model("b", 2, 0.05), model("c", 3, 0.01));
        DenseDevice cpu = new CpuDenseDevice();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 5; trial++) {
            float[] second = new float[view.spanSamples()];
            double hz = 200 + rnd.nextDouble() * 3000;
            for (int i = 0; i < second.length; i++) {
                second[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / RATE) + 0.05 * rnd.nextGaussian());
            }
            FeatureHead head = FeatureHead.int8(view, RATE, spec.scale(), models, cpu, Map.of(), new FeatureHead.Runs(1, 100));
            SampleBatch batch = new SampleBatch(StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", RATE, 1, "FS"), second.length);
            System.arraycopy(second, 0, batch.samples(), 0, second.length);
            batch.set(0, second.length);
            head.append(batch);
            FeatureHead.Labelled answer = head.run();

            float[] values = new float[view.size()];
            view.compute(second, values);
            int[] input = new int[view.size()];
            spec.scale().quantise(values, values.length, input);
            double[] mean = new double[LABELS.size()];
            for (Int8Model m : models) {
                int[] logits = new int[LABELS.size()];
                cpu.load(m).run(input, logits);
                double max = Double.NEGATIVE_INFINITY;
                for (int z : logits) {
                    max = Math.max(max, z * m.logitScale());
                }
                double sum = 0;
                for (int z : logits) {
                    sum += Math.exp(z * m.logitScale() - max);
                }
                for (int c = 0; c < logits.length; c++) {
                    mean[c] += Math.exp(logits[c] * m.logitScale() - max) / sum / models.size();
                }
            }
            int best = 0;
            for (int c = 1; c < mean.length; c++) {
                best = mean[c] > mean[best] ? c : best;
            }
            assertEquals(LABELS.get(best), answer.label(), "trial " + trial);
            assertEquals(mean[best], answer.score(), 1e-6, "trial " + trial);
            assertEquals(1, head.runs(), "one span, one run");
            assertEquals(models.stream().mapToLong(Int8Model::macs).sum(), head.macsPerRun());
        }
    }

    /** A dense layer from every log-mel value to the three labels, weights drawn with {@code seed}. */
    private static Int8Model model(String name, long seed, double logitScale) {
        int inputs = LogMelSettings.keywordSpotting(RATE).bands() * LogMelSettings.keywordSpotting(RATE).frames();
        byte[] w = new byte[inputs * LABELS.size()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (r.nextInt(255) - 127);
        }
        return new Int8Model(name, 0, 1, List.of(new Int8Layer(inputs, LABELS.size(), w, new int[LABELS.size()], 8, false)),
                LABELS, logitScale);
    }
}
