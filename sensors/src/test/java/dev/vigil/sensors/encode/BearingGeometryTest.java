package dev.vigil.sensors.encode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BearingGeometryTest {

    /**
     * CWRU Bearing Data Center, "Bearing information": drive-end 6205-2RS JEM SKF defect frequencies as
     * multiples of running speed: BPFI 5.4152, BPFO 3.5848, FTF 0.39828, BSF 4.7135 (CWRU's BSF counts two
     * impacts per spin, one on each race, so it is twice the ball spin rate).
     */
    @Test
    void skf6205DefectFrequenciesMatchTheCwruTable() {
        BearingGeometry b = BearingGeometry.skf6205();
        assertEquals(5.4152, b.bpfi(1), 1e-3);
        assertEquals(3.5848, b.bpfo(1), 1e-3);
        assertEquals(0.39828, b.ftf(1), 1e-4);
        assertEquals(4.7135, 2 * b.bsf(1), 2e-3);
        assertEquals(5.4152 * 1797 / 60.0, b.bpfi(1797 / 60.0), 0.05);
    }

    @Test
    void refusesImpossibleGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new BearingGeometry(9, 2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BearingGeometry(2, 0.3, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new BearingGeometry(9, 0.3, 1.5, 90));
    }
}
