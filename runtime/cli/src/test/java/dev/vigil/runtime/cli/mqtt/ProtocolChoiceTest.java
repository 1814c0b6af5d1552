package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded broker speaks MQTT 3.1.1 only, so {@code auto} asks it for that at once; any other choice stands. */
class ProtocolChoiceTest {
    @Test
    void autoWithTheEmbeddedBrokerIsItsVersion() throws Exception {
        assertEquals("3.1.1", MqttRuntime.protocolFor(ConfigLoader.parse("broker: {url: embedded}", "t").broker()));
        assertEquals("3.1.1", MqttRuntime.protocolFor(ConfigLoader.defaults().broker()));
    }

    @Test
    void aBrokerOfTheUsersOwnOrAnExplicitChoiceIsLeftAsConfigured() throws Exception {
        assertEquals("auto", MqttRuntime.protocolFor(ConfigLoader.parse("broker: {url: 'tcp://192.0.2.10:1883'}", "t").broker()));
        assertEquals("5", MqttRuntime.protocolFor(ConfigLoader.parse("broker: {url: 'tcp://192.0.2.10:1883', protocol: '5'}", "t").broker()));
        assertEquals("5", MqttRuntime.protocolFor(ConfigLoader.parse("broker: {url: embedded, protocol: '5'}", "t").broker()));
    }
}
