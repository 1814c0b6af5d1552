package dev.vigil.runtime.config;

import dev.vigil.runtime.config.BrokerConfig;
import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker section's keys: defaults, and refusals that name key, value and reason. */
class MqttConfigKeysTest {

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).getMessage();
    }

    @Test
    void defaultsAreUsable() {
        BrokerConfig b = ConfigLoader.defaults().broker();
        assertEquals("auto", b.protocol());
        assertEquals(0, b.topicQos().metrics());
        assertEquals(1, b.topicQos().status());
        assertEquals("batch", b.outbox().fsync());
        assertTrue(b.outbox().maxBytes() >= b.outbox().segmentBytes());
        assertTrue(b.homeAssistant().enabled());
        assertEquals("vigil-pump", b.clientIdFor("pump"));
    }

    @Test
    void badValuesAreRefusedWithKeyValueAndReason() {
        assertTrue(refusal("broker: {protocol: 4}\n").contains("broker.protocol = 4 is refused: use auto, 5 or 3.1.1"));
        assertTrue(refusal("broker: {url: \"ssl://h:8883\"}\n").contains("broker.tls.ca-file"));
        assertTrue(refusal("broker: {url: \"http://h\"}\n").contains("broker.url = http://h is refused"));
        assertTrue(refusal("broker: {outbox: {fsync: sometimes}}\n").contains("broker.outbox.fsync = sometimes is refused: use batch or never"));
        assertTrue(refusal("broker: {outbox: {max-bytes: 10}}\n").contains("broker.outbox.max-bytes = 10 is refused"));
        assertTrue(refusal("broker: {outbox: {max-bytes: 5000, segment-bytes: 8000}}\n")
                .contains("broker.outbox.segment-bytes = 8000 is refused: must not exceed max-bytes"));
        assertTrue(refusal("broker: {topic-qos: {metrics: 3}}\n").contains("broker.topic-qos.metrics = 3 is refused: must be between 0 and 2"));
        assertTrue(refusal("broker: {reconnect: {initial-ms: 500, max-ms: 100}}\n").contains("broker.reconnect.max-ms = 100 is refused"));
        assertTrue(refusal("broker: {password: x}\n").contains("broker.username"));
        assertTrue(refusal("broker: {username: u, password: x, password-file: /f}\n").contains("broker.password-file = /f is refused"));
        assertTrue(refusal("broker: {tls: {cert-file: /c.pem}}\n").contains("broker.tls.key-file"));
        assertTrue(refusal("broker: {home-assistant: {prefix: \"ha/#\"}}\n").contains("broker.home-assistant.prefix"));
        assertTrue(refusal("broker: {outbox: {colour: red}}\n").contains("unknown key 'broker.outbox.colour'"));
    }

    @Test
    void aPortOutsideTheTcpRangeIsRefused() {
        assertEquals("t.yaml: broker.url = tcp://127.0.0.1:99999 is refused: the port must be between 1 and 65535",
                refusal("broker: {url: \"tcp://127.0.0.1:99999\"}\n"));
        assertEquals("t.yaml: broker.url = tcp://h:0 is refused: the port must be between 1 and 65535",
                refusal("broker: {url: \"tcp://h:0\"}\n"));
    }

    @Test
    void theCommandTokenCanComeFromAFileInsteadOfTheConfig() {
        assertDoesNotThrow(() -> ConfigLoader.parse(
                "broker:\n  commands:\n    enabled: true\n    token-file: ${CREDENTIALS_DIRECTORY}/commands-token\n", "t.yaml"));
        assertEquals("t.yaml: broker.commands.token-file = /f is refused: give either token or token-file, not both",
                refusal("broker: {commands: {token: s3cret, token-file: /f}}\n"));
    }

    @Test
    void anSslUrlWithACaIsAccepted() throws ConfigException {
        BrokerConfig b = ConfigLoader.parse("broker: {url: \"ssl://broker.local:8883\", tls: {ca-file: /etc/ca.pem}}\n", "t").broker();
        assertTrue(b.usesTls());
        assertTrue(b.tls().verifyHostname());
    }
}
