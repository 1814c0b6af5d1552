package dev.vigil.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dense stage, run only on wake. When disabled, a wake still emits a detection labelled by its sensor.
 *
 * @param enabled run it
 * @param device  where it runs: {@code cpu} (golden engine) or an installed dense device, e.g. {@code northpole}
 * @param model   a model file the device runs on audio lanes' log-mel frames instead of the bundle's
 *                int8 head over spike counts (e.g. an ONNX model with {@code device: onnx}); empty: none
 * @param input   the model's input tensor; empty for its only input
 * @param output  the model's output tensor read as one logit per label; empty for its only output
 * @param labels  the model's labels, one per output value, in order
 * @param acceptScores per label, the lowest probability at which a lane's head answers it, replacing what the
 *                bundle's head holds for that label (a result under it gives way to the best label without one);
 *                checked against each head's labels when the run starts
 * @param runsPerWake  how many spans a feature head scores on each wake, the newest and each {@code runSpacingMs}
 *                     earlier, answering from their mean probabilities (1: the newest only)
 * @param runSpacingMs how far apart those spans end, ms
 */
public record DenseConfig(boolean enabled, String device, String model, String input, String output, List<String> labels,
                          Map<String, Double> acceptScores, int runsPerWake, double runSpacingMs) {
    public DenseConfig {
        if (runsPerWake < 1 || runsPerWake > 8) {
            throw new BadValueException("runs-per-wake", runsPerWake, "must be between 1 and 8");
        }
        if (!(runSpacingMs >= 10 && runSpacingMs <= 500)) {
            throw new BadValueException("run-spacing-ms", runSpacingMs, "must be between 10 and 500 ms");
        }
        BadValueException.notBlank("device", device);
        model = model == null ? "" : model.strip();
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        labels = labels == null ? List.of() : List.copyOf(labels);
        acceptScores = acceptScores == null ? Map.of() : new TreeMap<>(acceptScores);
        for (Map.Entry<String, Double> e : acceptScores.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0 && e.getValue() <= 1)) {
                throw new BadValueException("accept-scores." + e.getKey(), e.getValue(), "must be a probability in (0, 1]");
            }
        }
        if (!model.isEmpty() && labels.isEmpty()) {
            throw new BadValueException("labels", labels, "dense.model '" + model + "' needs its labels, one per output value (labels: [yes, no, ...])");
        }
    }

    /** The int8 head of the bundle on {@code device}, no model file. */
    public DenseConfig(boolean enabled, String device) {
        this(enabled, device, "", "", "", List.of(), Map.of(), 1, 100.0);
    }
}
