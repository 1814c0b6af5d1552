package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.mqtt.Topics;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.sink.DetectionJson;

import java.util.function.LongSupplier;

/**
 * Stores each detection, as JSON with the wall time added, in the MQTT outbox for its sensor's topic,
 * on the sensing loop's thread: when {@link #accept} returns it is on disk (per the fsync policy),
 * whatever the network does; a detection that cannot be stored is counted and logged. Never waits for
 * the network.
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
        delivery.store(topics.detections(detection.sensor()),
                DetectionJson.toMqttJson(detection, wallClockMs.getAsLong()), qos);
    }
}
