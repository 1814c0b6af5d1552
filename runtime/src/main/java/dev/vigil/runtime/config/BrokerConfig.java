package dev.vigil.runtime.config;

import java.net.URI;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The MQTT broker. {@code url: embedded} starts an in-process broker on a free loopback port;
 * otherwise {@code tcp://host:port}.
 */
public record BrokerConfig(String url, int qos, String clientId, String topicRoot, int connectTimeoutS) {
    /** The value of {@code url} that asks for the embedded broker. */
    public static final String EMBEDDED = "embedded";

    public BrokerConfig {
        BadValueException.notBlank("url", url);
        if (!url.equals(EMBEDDED)) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new BadValueException("url", url, "not a URL; use 'embedded' or tcp://host:port");
            }
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new BadValueException("url", url, "use 'embedded' or tcp://host:port");
            }
        }
        inRange("qos", qos, 0, 2);
        clientId = clientId == null ? "" : clientId;
        BadValueException.notBlank("topic-root", topicRoot);
        if (topicRoot.contains("#") || topicRoot.contains("+")) {
            throw new BadValueException("topic-root", topicRoot, "must not contain MQTT wildcards");
        }
        inRange("connect-timeout-s", connectTimeoutS, 1, 300);
    }

    /** True when the embedded broker is wanted. */
    public boolean embedded() {
        return url.equals(EMBEDDED);
    }

    /** A copy pointing at {@code newUrl}. */
    public BrokerConfig withUrl(String newUrl) {
        return new BrokerConfig(newUrl, qos, clientId, topicRoot, connectTimeoutS);
    }
}
