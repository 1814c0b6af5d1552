package dev.vigil.runtime.mqtt;

/** Outcome of one publish, reported on Paho's threads. */
public interface PublishListener {

    /** The broker acknowledged it (QoS 1/2) or it was written (QoS 0). */
    void acknowledged();

    /** It failed; the connection is probably gone. */
    void failed(Throwable cause);
}
