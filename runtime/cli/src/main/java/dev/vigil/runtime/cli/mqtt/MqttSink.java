package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.mqtt.Topics;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.runtime.sink.DetectionJson;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Stores each detection, as JSON, in the MQTT outbox for its sensor's topic, on the sensing loop's
 * thread: when {@link #accept} returns it is on disk (per the fsync policy), whatever the network does;
 * a detection that cannot be stored is counted and logged. Never waits for the network. Adds the wall
 * time and the lane's front-end energy since its previous detection, read from the lanes' live
 * statistics.
 */
public final class MqttSink implements DetectionSink {
    private final Delivery delivery;
    private final Topics topics;
    private final int qos;
    private final LiveLanes live;
    private final LongSupplier wallClockMs;
    private final Map<String, Double> energyAtLastDetection = new HashMap<>();

    /** Publishes through {@code delivery} at {@code qos}, reading lane energy from {@code live}. */
    public MqttSink(Delivery delivery, Topics topics, int qos, LiveLanes live, LongSupplier wallClockMs) {
        this.delivery = delivery;
        this.topics = topics;
        this.qos = qos;
        this.live = live;
        this.wallClockMs = wallClockMs;
    }

    @Override
    public void accept(Detection detection) {
        Optional<LaneStats> lane = live.statsOf(detection.sensor());
        Double energy = null;
        if (lane.isPresent()) {
            double now = lane.get().frontEnergyJ();
            Double before = energyAtLastDetection.put(detection.sensor(), now);
            energy = now - (before == null ? 0 : before);
        }
        delivery.store(topics.detections(detection.sensor()),
                DetectionJson.toMqttJson(detection, wallClockMs.getAsLong(), energy), qos);
    }
}
