package dev.vigil.sensors.synth;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.TextBatch;

import java.util.List;

/**
 * The synthetic scene as a source: batches of 10 ms slices, streams interleaved in time order. With
 * {@code live} it behaves like a live sensor: it waits for each slice's time to come and stamps batches
 * on the JVM's monotonic clock (µs), and it loops the scene until closed.
 */
public final class SceneSource implements SensorSource {
    private final SceneGenerator generator;
    private final boolean live;
    private final SceneGenerator.Pass pass;
    private long passStartUs;
    private volatile boolean closed;

    /** Plays the scene once, as fast as it is read, stamped from 0 µs. */
    public SceneSource(SceneGenerator generator) {
        this(generator, false);
    }

    /** Plays the scene, once as fast as read, or looping in real time when {@code live}. */
    public SceneSource(SceneGenerator generator, boolean live) {
        this.generator = generator;
        this.live = live;
        this.pass = generator.new Pass();
        this.passStartUs = live ? System.nanoTime() / 1000 : 0;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return SceneGenerator.streams();
    }

    @Override
    public Batch next() {
        if (closed) {
            return null;
        }
        if (live && pass.nextTimeUs() < 0) {
            passStartUs += Math.round(generator.spec().durationS() * 1e6);
            pass.restart();
        }
        if (live) {
            long due = passStartUs + pass.nextTimeUs() + SceneGenerator.SLICE_US;
            long wait = due - System.nanoTime() / 1000;
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1000, (int) (wait % 1000) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        Batch b = pass.next();
        if (b != null && live) {
            shift(b, passStartUs);
        }
        return b;
    }

    private static void shift(Batch b, long offsetUs) {
        switch (b) {
            case EventBatch e -> {
                long[] t = e.times();
                for (int i = 0; i < e.size(); i++) {
                    t[i] += offsetUs;
                }
            }
            case SampleBatch s -> s.set(s.startUs() + offsetUs, s.size());
            case TextBatch x -> throw new IllegalStateException("the scene has no text stream");
        }
    }

    /**
     * Plays the scene again from 0 µs, in the same buffers, so repeated plays allocate nothing (a
     * source that is not live; a live one loops by itself).
     */
    public void rewind() {
        if (live) {
            throw new IllegalStateException("a live scene source loops by itself; rewind() is for one played as fast as read");
        }
        pass.restart();
    }

    @Override
    public void close() {
        closed = true;
    }
}
