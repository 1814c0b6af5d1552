package dev.vigil.drivers.gpio;

import java.time.Duration;

/**
 * A user asked for a labelled learning capture by holding the button.
 *
 * @param label        the label configured for the button, e.g. {@code "anomaly"}
 * @param pressedAtNanos when the press began (monotonic ns)
 * @param held         how long it had been held when the request fired
 */
public record CaptureRequest(String label, long pressedAtNanos, Duration held) {
}
