package dev.vigil.runtime.mqtt;

import org.tinylog.Logger;

/**
 * What the MQTT 3.1.1 and MQTT 5 transports over Eclipse Paho share: turning the client's failures
 * into {@link TransportException}s (a full in-flight window into {@link TransportBusyException}),
 * the orderly disconnect (retained status, then DISCONNECT) and the quiet close. The subclasses make
 * the calls of their Paho client, whose classes differ between the two protocol versions.
 */
abstract class PahoTransport implements MqttTransport {
    /** Paho's reason code, in both clients, for a publish refused because too many are in flight. */
    static final int MAX_INFLIGHT = 32202;
    private final String protocol;

    /** A call into a Paho client that may fail with that client's checked {@code MqttException}. */
    @FunctionalInterface
    interface PahoCall {
        void run() throws Exception;
    }

    PahoTransport(String protocol) {
        this.protocol = protocol;
    }

    /** Hands a message to the client without waiting; the outcome goes to {@code listener}. */
    abstract void send(String topic, byte[] payload, int qos, boolean retained, PublishListener listener)
            throws Exception;

    /** Hands a command reply to the client, with its correlation data where the protocol has it. */
    abstract void sendReply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData)
            throws Exception;

    /** Subscribes and waits up to {@code timeoutMs} for the broker's answer. */
    abstract void subscribeAndWait(String filter, int qos, long timeoutMs) throws Exception;

    /** Whether the client is connected now. */
    abstract boolean connected();

    /** Publishes a retained message and waits up to {@code timeoutMs} for it to complete. */
    abstract void publishRetainedAndWait(String topic, byte[] payload, int qos, long timeoutMs) throws Exception;

    /** Sends DISCONNECT after at most {@code quiesceMs} of finishing work; waits up to {@code timeoutMs}. */
    abstract void disconnectAndWait(long quiesceMs, long timeoutMs) throws Exception;

    /** The Paho reason code of a failure the client raised. */
    abstract int reasonCode(Exception failure);

    /** Room for an MQTT 5 PUBLISH packet's header, topic and properties beside its payload, bytes. */
    static final int PACKET_OVERHEAD = 4096;

    /**
     * Hands a message that arrived on a subscription to {@code events}, or drops it unread when its
     * payload is over {@code maxBytes}. Called on Paho's callback thread, which would turn an {@link
     * Error} into a lost connection: it goes to {@link TransportEvents#fatal} instead.
     */
    static void arrived(TransportEvents events, int maxBytes, String topic, byte[] payload, String responseTopic,
                        byte[] correlationData) {
        try {
            if (payload.length > maxBytes) {
                Logger.warn("Dropped a message of {} bytes on {} unread: at most {} bytes are taken in", payload.length,
                        topic, maxBytes);
                return;
            }
            events.arrived(new InboundMessage(topic, payload, responseTopic, correlationData));
        } catch (Error e) {
            events.fatal(e);
        }
    }

    /** Runs {@code call}, ignoring the client's checked failure (for closing what may be gone). */
    static void quietly(PahoCall call) {
        failureOf(call);
    }

    private static Exception failureOf(PahoCall call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return e;
        }
    }

    @Override
    public final String protocol() {
        return protocol;
    }

    @Override
    public final void publish(String topic, byte[] payload, int qos, boolean retained, PublishListener listener)
            throws TransportException {
        Exception e = failureOf(() -> send(topic, payload, qos, retained, listener));
        if (e != null) {
            if (reasonCode(e) == MAX_INFLIGHT) {
                throw new TransportBusyException(e);
            }
            throw new TransportException("publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public final void reply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData)
            throws TransportException {
        Exception e = failureOf(() -> sendReply(topic, payload, qos, retained, correlationData));
        if (e != null) {
            throw new TransportException("reply to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public final void subscribe(String filter, int qos) throws TransportException {
        Exception e = failureOf(() -> subscribeAndWait(filter, qos, 10_000));
        if (e != null) {
            throw new TransportException("subscribe to " + filter + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public final void disconnect(String statusTopic, byte[] statusPayload, int qos) {
        Exception e = failureOf(() -> {
            if (connected()) {
                publishRetainedAndWait(statusTopic, statusPayload, qos, 5000);
                disconnectAndWait(2000, 5000);
            }
        });
        if (e != null) {
            Logger.warn("Closing the MQTT connection: {}", e.getMessage());
        }
        close();
    }
}
