package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.events.EventEnd;
import dev.vigil.runtime.events.EventJson;
import dev.vigil.runtime.events.EventListener;
import dev.vigil.runtime.events.EventStart;
import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.mqtt.Topics;

import java.util.function.LongSupplier;

/**
 * Stores event start and end messages in the MQTT outbox for {@code events/<sensor>}, on the sensing
 * loop's thread, exactly as {@link MqttSink} stores detections: a broker outage only delays them.
 */
public final class MqttEvents implements EventListener {
    private final Delivery delivery;
    private final Topics topics;
    private final int qos;
    private final LongSupplier wallClockMs;

    /** Publishes through {@code delivery} at {@code qos}, stamping the time {@code wallClockMs} gives. */
    public MqttEvents(Delivery delivery, Topics topics, int qos, LongSupplier wallClockMs) {
        this.delivery = delivery;
        this.topics = topics;
        this.qos = qos;
        this.wallClockMs = wallClockMs;
    }

    @Override
    public void started(EventStart start) {
        delivery.store(topics.events(start.sensor()), EventJson.start(start, wallClockMs.getAsLong()), qos);
    }

    @Override
    public void ended(EventEnd end) {
        delivery.store(topics.events(end.sensor()), EventJson.end(end, wallClockMs.getAsLong()), qos);
    }
}
