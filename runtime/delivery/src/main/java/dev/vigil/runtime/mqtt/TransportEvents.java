package dev.vigil.runtime.mqtt;

/** What a transport reports, on Paho's threads; implementations only hand the event on. */
public interface TransportEvents {

    /** The connection dropped. */
    void lost(Throwable cause);

    /** A message arrived on a subscription. */
    void arrived(InboundMessage message);

    /**
     * An {@link Error} (e.g. {@link OutOfMemoryError}) was thrown on a transport thread, where Paho
     * would otherwise swallow it: nothing can be trusted to work any more.
     */
    void fatal(Error error);
}
