package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * QoS per topic class other than detections (whose QoS is {@code broker.qos}).
 *
 * @param status    retained {@code online}/{@code offline} status and last will
 * @param metrics   periodic metrics
 * @param config    retained current config and Home Assistant discovery
 * @param replies   replies to {@code config/set}
 */
public record TopicQosConfig(int status, int metrics, int config, int replies) {
    public TopicQosConfig {
        inRange("status", status, 0, 2);
        inRange("metrics", metrics, 0, 2);
        inRange("config", config, 0, 2);
        inRange("replies", replies, 0, 2);
    }
}
