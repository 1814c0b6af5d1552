package dev.vigil.runtime.cli.report;

/**
 * What a report was made from.
 *
 * @param recording    the recording (path as given)
 * @param recordedS    seconds of device time it covers
 * @param model        the model bundle (path as given), or empty for the built-in heads
 * @param modelSha256  SHA-256 of the bundle file, or empty
 * @param frontDevice  HAL device of the front end
 * @param denseDevice  dense device
 * @param board        board whose power prices the CPU work
 * @param config       the config file (path as given), or empty for the defaults
 * @param configSha256 SHA-256 of the resolved config (every key, defaults included)
 * @param version      Vigil's version
 * @param generated    when the report was written (ISO-8601, UTC)
 */
public record ReportHeader(String recording, double recordedS, String model, String modelSha256, String frontDevice,
                           String denseDevice, String board, String config, String configSha256, String version,
                           String generated) {
}
