package dev.vigil.runtime.config;

import java.net.URI;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The MQTT broker and how Vigil talks to it. {@code url: embedded} starts an in-process broker on a free
 * loopback port; otherwise {@code tcp://host:port}, or {@code ssl://host:port} with {@code tls}.
 *
 * @param url              {@code embedded}, {@code tcp://host:port} or {@code ssl://host:port}
 * @param qos              QoS of detection messages
 * @param clientId         MQTT client id; empty means {@code vigil-<device-id>}
 * @param topicRoot        first topic level
 * @param connectTimeoutS  how long one connection attempt may take
 * @param protocol         {@code auto} (MQTT 5, falling back to 3.1.1), {@code 5} or {@code 3.1.1}
 * @param username         user name; empty for anonymous
 * @param password         password given inline (prefer {@code password-file})
 * @param passwordFile     file whose first line is the password (may start with {@code ${CREDENTIALS_DIRECTORY}},
 *                         the directory of a systemd unit's credentials)
 * @param keepAliveS       MQTT keep-alive interval
 * @param tls              TLS settings, used with {@code ssl://} URLs
 * @param topicQos         QoS of the other topic classes
 * @param reconnect        backoff between connection attempts
 * @param outbox           the on-disk store-and-forward queue for detections
 * @param metricsIntervalS seconds between metrics messages (0 = none)
 * @param homeAssistant    Home Assistant MQTT discovery
 * @param commands         remote {@code config/set} commands
 */
public record BrokerConfig(String url, int qos, String clientId, String topicRoot, int connectTimeoutS,
                           String protocol, String username, String password, String passwordFile, int keepAliveS,
                           TlsConfig tls, TopicQosConfig topicQos, ReconnectConfig reconnect, OutboxConfig outbox,
                           int metricsIntervalS, HomeAssistantConfig homeAssistant, CommandsConfig commands) {
    /** The value of {@code url} that asks for the embedded broker. */
    public static final String EMBEDDED = "embedded";

    public BrokerConfig {
        BadValueException.notBlank("url", url);
        if (!url.equals(EMBEDDED)) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new BadValueException("url", url, "not a URL; use 'embedded', tcp://host:port or ssl://host:port");
            }
            if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadValueException("url", url, "use 'embedded', tcp://host:port or ssl://host:port");
            }
            if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
                throw new BadValueException("url", url, "the port must be between 1 and 65535");
            }
        }
        inRange("qos", qos, 0, 2);
        clientId = clientId == null ? "" : clientId;
        BadValueException.notBlank("topic-root", topicRoot);
        if (topicRoot.contains("#") || topicRoot.contains("+")) {
            throw new BadValueException("topic-root", topicRoot, "must not contain MQTT wildcards");
        }
        inRange("connect-timeout-s", connectTimeoutS, 1, 300);
        if (!("auto".equals(protocol) || "5".equals(protocol) || "3.1.1".equals(protocol))) {
            throw new BadValueException("protocol", protocol, "use auto, 5 or 3.1.1");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        passwordFile = passwordFile == null ? "" : passwordFile;
        if (!password.isEmpty() && !passwordFile.isEmpty()) {
            throw new BadValueException("password-file", passwordFile, "give either password or password-file, not both");
        }
        if (username.isEmpty() && !(password.isEmpty() && passwordFile.isEmpty())) {
            throw new BadValueException("username", "\"\"", "a password needs a username");
        }
        inRange("keep-alive-s", keepAliveS, 5, 3600);
        inRange("metrics-interval-s", metricsIntervalS, 0, 86_400);
        if (url.startsWith("ssl:") && tls.caFile().isEmpty()) {
            throw new BadValueException("tls.ca-file", "\"\"", "an ssl:// URL needs the CA certificate that signed the broker's");
        }
    }

    /** True when the embedded broker is wanted. */
    public boolean embedded() {
        return url.equals(EMBEDDED);
    }

    /** True for an {@code ssl://} URL. */
    public boolean usesTls() {
        return url.startsWith("ssl:");
    }

    /** The client id to use for {@code deviceId}. */
    public String clientIdFor(String deviceId) {
        return clientId.isEmpty() ? "vigil-" + deviceId : clientId;
    }

    /** A copy pointing at {@code newUrl}. */
    public BrokerConfig withUrl(String newUrl) {
        return new BrokerConfig(newUrl, qos, clientId, topicRoot, connectTimeoutS, protocol, username, password,
                passwordFile, keepAliveS, tls, topicQos, reconnect, outbox, metricsIntervalS, homeAssistant, commands);
    }

    /** A copy with another outbox section. */
    public BrokerConfig withOutbox(OutboxConfig newOutbox) {
        return new BrokerConfig(url, qos, clientId, topicRoot, connectTimeoutS, protocol, username, password,
                passwordFile, keepAliveS, tls, topicQos, reconnect, newOutbox, metricsIntervalS, homeAssistant, commands);
    }
}
