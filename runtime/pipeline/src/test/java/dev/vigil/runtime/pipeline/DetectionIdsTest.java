package dev.vigil.runtime.pipeline;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsTime() {
        long ms = 1_767_225_600_123L;
        UUID id = UUID.fromString(DetectionIds.next(ms));
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC 9562 variant");
        assertEquals(ms, id.getMostSignificantBits() >>> 16, "48 bits of Unix time in ms lead");
        assertEquals(DetectionIds.next(ms).length(), 36);
        assertTrue(DetectionIds.next(ms).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(DetectionIds.next(42));
        }
        assertEquals(100_000, ids.size(), "74 random bits: no collision among 100,000 ids of one millisecond");
    }

    @Test
    void idsSortByCreationTime() {
        String earlier = DetectionIds.next(1_000);
        String later = DetectionIds.next(1_001);
        assertTrue(earlier.compareTo(later) < 0, earlier + " < " + later);
    }
}
