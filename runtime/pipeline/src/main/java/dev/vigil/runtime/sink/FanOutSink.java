package dev.vigil.runtime.sink;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;

import java.util.List;

/** Hands each detection to several sinks in order, and closes them all. */
public final class FanOutSink implements DetectionSink {
    private final List<DetectionSink> sinks;

    /** Fans out to {@code sinks}. */
    public FanOutSink(List<DetectionSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void accept(Detection detection) {
        for (DetectionSink s : sinks) {
            s.accept(detection);
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (DetectionSink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
