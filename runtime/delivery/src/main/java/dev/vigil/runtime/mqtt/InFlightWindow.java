package dev.vigil.runtime.mqtt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detection messages sent and not yet acknowledged, in outbox order. The broker may acknowledge
 * them in any order; the outbox advances only over the acknowledged prefix, so a lost connection
 * never skips a message. Publisher thread only.
 */
final class InFlightWindow {
    /** Receive-maximum slots left for live messages (status, metrics, command replies). */
    static final int KEPT_FOR_LIVE = 4;

    private final int inflight;
    private final Map<Long, Boolean> acknowledged = new LinkedHashMap<>();

    /** A window of at most {@code inflight} messages (the {@code inflight} setting). */
    InFlightWindow(int inflight) {
        this.inflight = inflight;
    }

    /** Whether another message may be sent to a broker that accepts {@code receiveMaximum} at once. */
    boolean hasRoom(int receiveMaximum) {
        return acknowledged.size() < Math.max(1, Math.min(inflight, receiveMaximum - KEPT_FOR_LIVE));
    }

    /** Message {@code seq} is being sent; it waits for its acknowledgement. */
    void sent(long seq) {
        acknowledged.put(seq, Boolean.FALSE);
    }

    /** Message {@code seq} was not sent after all (the transport refused it). */
    void withdraw(long seq) {
        acknowledged.remove(seq);
    }

    /** Message {@code seq} needs no acknowledgement (it was given up, e.g. as too old). */
    void settled(long seq) {
        acknowledged.put(seq, Boolean.TRUE);
    }

    /** The broker acknowledged {@code seq}; false when it is not in the window (a stale acknowledgement). */
    boolean acknowledge(long seq) {
        return acknowledged.replace(seq, Boolean.TRUE) != null;
    }

    /**
     * Removes the acknowledged messages at the head of the window and returns the last of them, up to
     * which the outbox may advance; -1 when the oldest message still waits.
     */
    long advance() {
        long upTo = -1;
        Iterator<Map.Entry<Long, Boolean>> it = acknowledged.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Boolean> head = it.next();
            if (!head.getValue()) {
                break;
            }
            upTo = head.getKey();
            it.remove();
        }
        return upTo;
    }

    /** Messages in the window. */
    int size() {
        return acknowledged.size();
    }

    /** Forgets every message (the connection was lost; they are sent again). */
    void clear() {
        acknowledged.clear();
    }
}
