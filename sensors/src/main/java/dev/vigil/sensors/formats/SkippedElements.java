package dev.vigil.sensors.formats;

import java.util.Map;

/** A reader that skips content it does not turn into streams (frames, triggers) and counts it. */
public interface SkippedElements {

    /** Elements skipped so far, by kind (e.g. {@code "frames"}, {@code "triggers"}), in first-seen order. */
    Map<String, Long> skippedElements();
}
