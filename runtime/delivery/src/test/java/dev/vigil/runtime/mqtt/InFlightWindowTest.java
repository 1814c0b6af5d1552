package dev.vigil.runtime.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightWindowTest {

    @Test
    void theOutboxAdvancesOnlyOverTheAcknowledgedPrefix() {
        InFlightWindow w = new InFlightWindow(8);
        for (long seq = 10; seq <= 14; seq++) {
            w.sent(seq);
        }
        assertTrue(w.acknowledge(12));
        assertTrue(w.acknowledge(11));
        assertEquals(-1, w.advance(), "10 still waits, so nothing may go");
        assertEquals(5, w.size());
        assertTrue(w.acknowledge(10));
        assertEquals(12, w.advance(), "10, 11 and 12 go together; 13 waits");
        assertEquals(2, w.size());
        assertEquals(-1, w.advance());
        assertTrue(w.acknowledge(14));
        assertTrue(w.acknowledge(13));
        assertEquals(14, w.advance());
        assertEquals(0, w.size());
    }

    @Test
    void anAcknowledgementForAMessageNotInTheWindowIsIgnored() {
        InFlightWindow w = new InFlightWindow(8);
        w.sent(1);
        assertFalse(w.acknowledge(2));
        assertEquals(1, w.size());
        w.clear();
        assertFalse(w.acknowledge(1), "after a lost connection the window starts empty");
        assertEquals(-1, w.advance());
    }

    @Test
    void aSettledOrWithdrawnMessageDoesNotHoldTheWindowUp() {
        InFlightWindow w = new InFlightWindow(8);
        w.sent(1);
        w.settled(2);
        w.sent(3);
        w.withdraw(3);
        assertTrue(w.acknowledge(1));
        assertEquals(2, w.advance(), "1 acknowledged, 2 given up, 3 never sent");
        assertEquals(0, w.size());
    }

    @Test
    void theWindowIsTheSmallerOfTheSettingAndTheBrokersReceiveMaximumLessTheLiveSlots() {
        InFlightWindow w = new InFlightWindow(3);
        int roomy = 100;
        int tight = InFlightWindow.KEPT_FOR_LIVE + 2;
        assertEquals(3, filled(w, roomy), "the setting binds");
        w.clear();
        assertEquals(2, filled(w, tight), "the broker binds, with slots kept for live messages");
        w.clear();
        assertEquals(1, filled(w, InFlightWindow.KEPT_FOR_LIVE), "always at least one");
        w.clear();
        assertEquals(1, filled(new InFlightWindow(0), roomy), "always at least one");
    }

    /** How many messages go out before the window is full. */
    private static int filled(InFlightWindow w, int receiveMaximum) {
        long seq = 0;
        while (w.hasRoom(receiveMaximum)) {
            w.sent(++seq);
        }
        return w.size();
    }
}
