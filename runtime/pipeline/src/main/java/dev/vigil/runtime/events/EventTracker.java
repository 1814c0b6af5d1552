package dev.vigil.runtime.events;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionIds;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.WindowObserver;
import dev.vigil.wake.WakeDecision;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds a lane's detections into events. A detection opens an event (a new UUIDv7) unless one is open
 * on its lane with the same label, which it then joins; a detection with another label ends the open
 * event and opens its own. A window is quiet when no detection came in it and the lane's wake policy no
 * longer considers the scene salient; after {@code endAfterWindows} quiet windows in a row the event
 * ends. Closing the tracker ends what is still open. Sees windows as a {@link WindowObserver} and
 * detections as a {@link DetectionSink}, both on the sensing thread; allocates nothing per window.
 */
public final class EventTracker implements WindowObserver, DetectionSink {
    private final int endAfterWindows;
    private final EventListener listener;
    private final Map<String, Lane> lanes = new HashMap<>();

    /** A lane's open event, if any, and what its current window has seen. */
    private static final class Lane {
        String id;
        String deviceId;
        String label;
        long startUs;
        long endUs;
        double peak;
        long windows;
        long detections;
        int quiet;
        boolean active;
        boolean detected;

        boolean open() {
            return id != null;
        }
    }

    /** Ends events after {@code endAfterWindows} quiet windows, telling {@code listener}. */
    public EventTracker(int endAfterWindows, EventListener listener) {
        if (endAfterWindows < 1) {
            throw new IllegalArgumentException("endAfterWindows must be at least 1, got " + endAfterWindows);
        }
        this.endAfterWindows = endAfterWindows;
        this.listener = listener;
    }

    private Lane lane(String sensor) {
        Lane l = lanes.get(sensor);
        if (l == null) {
            l = new Lane();
            lanes.put(sensor, l);
        }
        return l;
    }

    @Override
    public void window(String sensor, long endUs, int[] counts, WakeDecision decision) {
        lane(sensor).active = decision.active();
    }

    @Override
    public void accept(Detection d) {
        Lane l = lane(d.sensor());
        if (l.open() && !l.label.equals(d.label())) {
            end(d.sensor(), l, "label");
        }
        if (!l.open()) {
            l.id = DetectionIds.next();
            l.deviceId = d.deviceId();
            l.label = d.label();
            l.startUs = d.windowStartUs();
            l.endUs = d.deviceTimeUs();
            l.peak = d.score();
            l.windows = 0;
            l.detections = 1;
            l.quiet = 0;
            listener.started(new EventStart(l.id, d.deviceId(), d.sensor(), d.stream(), d.label(), d.score(), d.windowStartUs(),
                    d.deviceTimeUs(), d.id()));
        } else {
            l.detections++;
            l.peak = Math.max(l.peak, d.score());
            l.endUs = Math.max(l.endUs, d.deviceTimeUs());
        }
        l.detected = true;
    }

    @Override
    public void closed(String sensor, long endUs) {
        Lane l = lanes.get(sensor);
        if (l == null || !l.open()) {
            return;
        }
        l.windows++;
        if (l.detected || l.active) {
            l.quiet = 0;
            l.endUs = Math.max(l.endUs, endUs);
        } else {
            l.quiet++;
        }
        l.detected = false;
        if (l.quiet >= endAfterWindows) {
            end(sensor, l, "quiet");
        }
    }

    private void end(String sensor, Lane l, String reason) {
        EventEnd e = new EventEnd(l.id, l.deviceId, sensor, l.label, l.startUs, l.endUs, l.peak,
                Math.max(1, l.windows - l.quiet), l.detections, reason, null);
        l.id = null;
        l.detected = false;
        listener.ended(e);
    }

    /** Ends every open event (the run is over). */
    @Override
    public void close() {
        lanes.forEach((sensor, l) -> {
            if (l.open()) {
                end(sensor, l, "run-end");
            }
        });
    }
}
