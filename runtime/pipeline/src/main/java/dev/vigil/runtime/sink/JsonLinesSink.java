package dev.vigil.runtime.sink;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;

import java.io.PrintWriter;

/** Writes each detection as one line of JSON, flushed at once. */
public final class JsonLinesSink implements DetectionSink {
    private final PrintWriter out;

    /** Writes to {@code out}. */
    public JsonLinesSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(Detection detection) {
        out.println(DetectionJson.toJson(detection));
        out.flush();
    }
}
