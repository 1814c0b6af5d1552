package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded broker speaks MQTT 3.1.1 only, so {@code auto} asks it for that at once, and the first
 * connection to it is left to the publisher thread; any other choice stands, and any other broker (or the
 * embedded one asked for MQTT 5, which it refuses) is connected to before the pipeline starts.
 */
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

    @Test
    void onlyTheEmbeddedBrokerInItsOwnVersionIsConnectedToInTheBackground() throws Exception {
        assertTrue(MqttRuntime.connectsInBackground(ConfigLoader.defaults().broker()));
        assertTrue(MqttRuntime.connectsInBackground(ConfigLoader.parse("broker: {protocol: '3.1.1'}", "t").broker()));
        assertFalse(MqttRuntime.connectsInBackground(ConfigLoader.parse("broker: {protocol: '5'}", "t").broker()));
        assertFalse(MqttRuntime.connectsInBackground(ConfigLoader.parse("broker: {url: 'tcp://192.0.2.10:1883'}", "t").broker()));
    }
}
