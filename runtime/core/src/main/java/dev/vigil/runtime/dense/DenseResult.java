package dev.vigil.runtime.dense;

/**
 * What the dense stage concluded.
 *
 * @param index  winning label's index
 * @param label  winning label
 * @param score  its softmax probability, 0..1
 * @param logits raw integer logits, one per label
 */
public record DenseResult(int index, String label, double score, int[] logits) {
}
