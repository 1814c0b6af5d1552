package dev.vigil.runtime.mqtt;

import javax.net.ssl.SSLSocketFactory;

/**
 * Everything one connection needs, resolved from the config (files read, TLS context built).
 *
 * @param url             {@code tcp://} or {@code ssl://} URL
 * @param clientId        MQTT client id
 * @param username        user name, empty for anonymous
 * @param password        password, empty for none
 * @param tls             socket factory for {@code ssl://}, or null
 * @param verifyHostname  check the broker certificate's host name
 * @param connectTimeoutS seconds one attempt may take
 * @param keepAliveS      keep-alive interval
 * @param protocol        {@code auto}, {@code 5} or {@code 3.1.1}
 * @param willTopic       last-will topic (retained)
 * @param willPayload     last-will payload
 * @param willQos         last-will QoS
 * @param maxInflight     QoS 1/2 messages that may await acknowledgement
 * @param maxInboundBytes largest message payload taken in on a subscription; MQTT 5 tells the broker
 *                        (Maximum Packet Size) so that larger ones are not even sent, MQTT 3.1.1 drops
 *                        them unread
 */
public record ConnectSettings(String url, String clientId, String username, char[] password, SSLSocketFactory tls,
                              boolean verifyHostname, int connectTimeoutS, int keepAliveS, String protocol,
                              String willTopic, byte[] willPayload, int willQos, int maxInflight,
                              int maxInboundBytes) {
}
