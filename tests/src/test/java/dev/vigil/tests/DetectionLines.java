package dev.vigil.tests;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.sink.DetectionJson;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detections as the JSON lines Vigil prints, for comparing runs: every run makes new ids (UUIDv7), the
 * log and config determine everything else, so two runs are compared apart from their ids and their
 * ids are checked to differ.
 */
public final class DetectionLines {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]*)\",");

    private DetectionLines() {
    }

    /** The JSON lines of {@code detections}. */
    public static List<String> of(List<Detection> detections) {
        return detections.stream().map(DetectionJson::toJson).toList();
    }

    /** {@code jsonLines} without their {@code id} fields. */
    public static List<String> apartFromIds(List<String> jsonLines) {
        return jsonLines.stream().map(l -> ID.matcher(l).replaceFirst("")).toList();
    }

    /** The {@code id} of each line. */
    public static List<String> ids(List<String> jsonLines) {
        return jsonLines.stream().map(l -> {
            Matcher m = ID.matcher(l);
            if (!m.find()) {
                throw new AssertionError("no id in " + l);
            }
            return m.group(1);
        }).toList();
    }
}
