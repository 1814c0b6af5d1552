package dev.vigil.boards;

/**
 * The board Vigil runs on and how that was decided.
 *
 * @param profile the profile in use
 * @param model   the device-tree model string, or empty when there is none
 * @param how     a sentence for logs and {@code vigil doctor}, e.g. "forced by the board setting"
 */
public record DetectedBoard(BoardProfile profile, String model, String how) {
}
