package dev.vigil.runtime.events;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTrackerTest {
    private static final long HOP = 10_000;
    private static final WakeDecision QUIET = WakeDecision.quiet(false, "t", 0, 1, "");
    private static final WakeDecision ACTIVE = WakeDecision.quiet(true, "t", 5, 1, "holding");
    private static final WakeDecision WAKE = WakeDecision.wake("t", 5, 1, "");

    private final List<Object> seen = new ArrayList<>();
    private final EventTracker tracker = new EventTracker(3, new EventListener() {
        @Override
        public void started(EventStart start) {
            seen.add(start);
        }

        @Override
        public void ended(EventEnd end) {
            seen.add(end);
        }
    });

    /** Window {@code w} of {@code sensor}, as a lane shows it: decision, then its detection if any, then closed. */
    private void window(String sensor, int w, WakeDecision decision, String label, double score) {
        long end = (w + 1) * HOP;
        tracker.window(sensor, end, new int[1], decision);
        if (label != null) {
            tracker.accept(new Detection(UUID.randomUUID().toString(), "dev", sensor, 0, label, score, end, end - HOP,
                    "t", new int[1], 0));
        }
        tracker.closed(sensor, end);
    }

    @Test
    void detectionsInConsecutiveWindowsAreOneEventWithOneStartAndOneEnd() {
        window("audio", 0, WAKE, "speech", 0.6);
        window("audio", 1, WAKE, "speech", 0.9);
        window("audio", 2, WAKE, "speech", 0.7);
        for (int w = 3; w < 10; w++) {
            window("audio", w, QUIET, null, 0);
        }
        assertEquals(2, seen.size(), seen.toString());
        EventStart s = assertInstanceOf(EventStart.class, seen.get(0));
        EventEnd e = assertInstanceOf(EventEnd.class, seen.get(1));
        assertEquals(s.id(), e.id(), "the end carries the start's id");
        assertEquals(7, UUID.fromString(s.id()).version(), "a UUIDv7");
        assertEquals("speech", e.label());
        assertEquals(0.6, s.score());
        assertEquals(0.9, e.peakScore());
        assertEquals(3, e.detections());
        assertEquals(3, e.windows());
        assertEquals(0, e.startUs());
        assertEquals(3 * HOP, e.endUs());
        assertEquals(0.03, e.durationS(), 1e-9);
        assertEquals("quiet", e.reason());
    }

    @Test
    void endsOnlyAfterTheConfiguredQuietWindows() {
        window("audio", 0, WAKE, "speech", 0.5);
        window("audio", 1, QUIET, null, 0);
        window("audio", 2, QUIET, null, 0);
        assertEquals(1, seen.size(), "two quiet windows of three: still open");
        window("audio", 3, QUIET, null, 0);
        assertEquals(2, seen.size(), "the third quiet window ends it");
        assertEquals(1, ((EventEnd) seen.get(1)).windows());
    }

    @Test
    void aGapShorterThanTheQuietSpanKeepsTheEventAndItsId() {
        window("audio", 0, WAKE, "speech", 0.5);
        window("audio", 1, QUIET, null, 0);
        window("audio", 2, QUIET, null, 0);
        window("audio", 3, WAKE, "speech", 0.8);
        for (int w = 4; w < 7; w++) {
            window("audio", w, QUIET, null, 0);
        }
        assertEquals(2, seen.size(), seen.toString());
        EventEnd e = (EventEnd) seen.get(1);
        assertEquals(((EventStart) seen.get(0)).id(), e.id());
        assertEquals(2, e.detections());
        assertEquals(4, e.windows(), "windows 0 to 3, the gap included");
    }

    @Test
    void aLongerGapMakesTwoEventsWithDifferentIds() {
        window("audio", 0, WAKE, "speech", 0.5);
        for (int w = 1; w < 4; w++) {
            window("audio", w, QUIET, null, 0);
        }
        window("audio", 4, WAKE, "speech", 0.5);
        tracker.close();
        assertEquals(4, seen.size(), seen.toString());
        EventStart first = (EventStart) seen.get(0);
        EventStart second = (EventStart) seen.get(2);
        assertNotEquals(first.id(), second.id());
        assertEquals(first.id(), ((EventEnd) seen.get(1)).id());
        assertEquals(second.id(), ((EventEnd) seen.get(3)).id());
        assertEquals("run-end", ((EventEnd) seen.get(3)).reason());
    }

    @Test
    void aSceneTheWakePolicyStillHoldsSalientKeepsTheEventOpen() {
        window("vibration", 0, WAKE, "fault", 0.7);
        for (int w = 1; w < 20; w++) {
            window("vibration", w, ACTIVE, null, 0);
        }
        assertEquals(1, seen.size(), "no end while the policy holds the scene active");
        for (int w = 20; w < 23; w++) {
            window("vibration", w, QUIET, null, 0);
        }
        EventEnd e = (EventEnd) seen.get(1);
        assertEquals(20, e.windows());
        assertEquals(20 * HOP, e.endUs());
    }

    @Test
    void anotherLabelEndsTheEventAndStartsItsOwn() {
        window("audio", 0, WAKE, "speech", 0.5);
        window("audio", 1, WAKE, "glass", 0.9);
        assertEquals(3, seen.size(), seen.toString());
        assertEquals("label", ((EventEnd) seen.get(1)).reason());
        assertEquals("glass", ((EventStart) seen.get(2)).label());
    }

    @Test
    void lanesAreTrackedApart() {
        window("audio", 0, WAKE, "speech", 0.5);
        window("dvs", 0, WAKE, "motion", 0.5);
        for (int w = 1; w < 4; w++) {
            window("audio", w, QUIET, null, 0);
            window("dvs", w, WAKE, "motion", 0.5);
        }
        assertEquals(3, seen.size(), "audio started and ended, dvs started and goes on: " + seen);
        assertTrue(seen.get(2) instanceof EventEnd end && end.sensor().equals("audio"));
    }
}
