package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.mqtt.Topics;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.sink.DetectionJson;

import java.util.function.LongSupplier;

/**
 * Hands each detection, as JSON with the wall time added, to the MQTT publisher for its sensor's
 * topic. Never blocks: the publisher's hand-off queue takes it or counts a drop.
 */
public final class MqttSink implements DetectionSink {
    private final Delivery delivery;
    private final Topics topics;
    private final int qos;
    private final LongSupplier wallClockMs;

    /** Publishes through {@code delivery} at {@code qos}, stamping the time {@code wallClockMs} gives. */
    public MqttSink(Delivery delivery, Topics topics, int qos, LongSupplier wallClockMs) {
        this.delivery = delivery;
        this.topics = topics;
        this.qos = qos;
        this.wallClockMs = wallClockMs;
    }

    @Override
    public void accept(Detection detection) {
        delivery.offer(topics.detections(detection.sensor()),
                DetectionJson.toMqttJson(detection, wallClockMs.getAsLong()), qos);
    }
}
