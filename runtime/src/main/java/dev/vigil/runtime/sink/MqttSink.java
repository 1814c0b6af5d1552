package dev.vigil.runtime.sink;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;

/** Publishes each detection as JSON to its sensor's topic; on close waits for acknowledgements. */
public final class MqttSink implements DetectionSink {
    private final MqttPublisher publisher;
    private final Topics topics;
    private final int qos;
    private final long drainTimeoutMs;

    /** Publishes through {@code publisher} at {@code qos}; waits up to {@code drainTimeoutMs} on close. */
    public MqttSink(MqttPublisher publisher, Topics topics, int qos, long drainTimeoutMs) {
        this.publisher = publisher;
        this.topics = topics;
        this.qos = qos;
        this.drainTimeoutMs = drainTimeoutMs;
    }

    @Override
    public void accept(Detection detection) {
        publisher.publish(topics.detections(detection.sensor()),
                DetectionJson.toJson(detection).getBytes(StandardCharsets.UTF_8), qos, false);
    }

    @Override
    public void close() {
        try {
            if (!publisher.drain(drainTimeoutMs)) {
                Logger.warn("Not every detection was acknowledged by the broker within {} ms", drainTimeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
