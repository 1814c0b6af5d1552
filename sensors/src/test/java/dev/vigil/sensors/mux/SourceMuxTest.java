package dev.vigil.sensors.mux;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMuxTest {

    /** A source yielding {@code n} sample batches of 4 frames valued by their index. */
    private static final class Counting implements SensorSource {
        private final StreamDescriptor d;
        private final SampleBatch b;
        private final int n;
        private final CountDownLatch gate;
        private int i;

        Counting(int id, int n, CountDownLatch gate) {
            this.d = StreamDescriptor.sampled(id, StreamKind.VIBRATION, "v" + id, 1000, 1, "g");
            this.b = new SampleBatch(d, 4);
            this.n = n;
            this.gate = gate;
        }

        @Override
        public List<StreamDescriptor> streams() {
            return List.of(d);
        }

        @Override
        public Batch next() throws IOException {
            if (i == n) {
                return null;
            }
            if (gate != null && i == n - 1) {
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            for (int k = 0; k < 4; k++) {
                b.samples()[k] = i;
            }
            b.set(i * 4000L, 4);
            i++;
            return b;
        }

        @Override
        public void close() {
        }
    }

    private static final class OneEvent implements SensorSource {
        private final StreamDescriptor d = StreamDescriptor.dvs(5, "cam", 4, 4);
        private boolean done;

        @Override
        public List<StreamDescriptor> streams() {
            return List.of(d);
        }

        @Override
        public Batch next() {
            if (done) {
                return null;
            }
            done = true;
            EventBatch e = new EventBatch(d, 1);
            e.add(10, 3, 2, 1);
            return e;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void mergesSourcesRenumbersStreamsAndKeepsEachStreamsOrder() throws Exception {
        try (SourceMux mux = new SourceMux(List.of(new Counting(7, 50, null), new OneEvent()), 64)) {
            assertEquals(List.of(0, 1), mux.streams().stream().map(StreamDescriptor::id).toList());
            assertEquals(StreamKind.DVS, mux.streams().get(1).kind());
            List<Float> values = new ArrayList<>();
            int events = 0;
            Batch b;
            while ((b = mux.next()) != null) {
                if (b instanceof SampleBatch s) {
                    assertEquals(0, s.stream().id());
                    values.add(s.samples()[0]);
                    assertEquals(s.samples()[0] * 4000L, s.startUs());
                } else if (b instanceof EventBatch e) {
                    assertEquals(1, e.stream().id());
                    assertEquals(3, e.x(0));
                    events += e.size();
                }
            }
            assertEquals(50, values.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(i, values.get(i));
            }
            assertEquals(1, events);
            assertEquals(0, mux.droppedBatches());
            assertNull(mux.next(), "stays at end");
        }
    }

    @Test
    void aSlowConsumerLosesCountedBatchesNotMemory() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (SourceMux mux = new SourceMux(List.of(new Counting(0, 100, gate)), 4)) {
            // nobody consumes until the producer has tried to queue 99 batches into a pool of 4
            long deadline = System.currentTimeMillis() + 5000;
            while (mux.droppedBatches() < 95 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            gate.countDown();
            int received = 0;
            while (mux.next() != null) {
                received++;
            }
            assertEquals(100, received + mux.droppedBatches(), "every batch is delivered or counted as dropped");
            assertTrue(received >= 4 && received <= 5, "pool of 4 bounds what waits, got " + received);
        }
    }
}
