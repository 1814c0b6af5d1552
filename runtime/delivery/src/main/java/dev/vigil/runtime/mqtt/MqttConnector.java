package dev.vigil.runtime.mqtt;

import org.tinylog.Logger;

/**
 * Opens connections, MQTT 5 first where {@code protocol: auto}, then 3.1.1 when the broker does not
 * take MQTT 5; remembers what worked for later reconnects.
 */
public final class MqttConnector implements Connector {
    private final ConnectSettings settings;
    private volatile String negotiated;

    /** A connector for {@code settings}. */
    public MqttConnector(ConnectSettings settings) {
        this.settings = settings;
        this.negotiated = "auto".equals(settings.protocol()) ? null : settings.protocol();
    }

    /** The settings. */
    public ConnectSettings settings() {
        return settings;
    }

    @Override
    public MqttTransport connect(TransportEvents events) throws ConnectFailure {
        String p = negotiated;
        if ("3.1.1".equals(p)) {
            return Paho3Transport.connect(settings, events);
        }
        try {
            MqttTransport t = Paho5Transport.connect(settings, events);
            negotiated = "5";
            return t;
        } catch (ConnectFailure five) {
            if (p != null || five.kind() != ConnectFailure.Kind.PROTOCOL) {
                throw five;
            }
            Logger.debug("MQTT 5 refused by {} ({}); trying 3.1.1", settings.url(), five.getMessage());
            MqttTransport t = Paho3Transport.connect(settings, events);
            negotiated = "3.1.1";
            return t;
        }
    }
}
