package dev.vigil.sensors.formats;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Base of the readers whose file holds one DVS event stream as a run of fixed-size records. It owns
 * the stream, the reused batch and the batch-fill loop: it slides the window and hands
 * {@link #decode} runs of whole records until the batch holds its target of events or the file
 * ends. A subclass reads its header, calls {@link #describe} and decodes records, placing each
 * event's time through {@link #timeGuard}; nothing here allocates per batch.
 */
public abstract class EventFileSource extends FileWindowSource {
    private final int recordBytes;
    /** Events a batch is filled up to. */
    protected final int target;
    /** Keeps the stream's time monotonic and plausible; positions given to it are window indices. */
    protected final TimeGuard timeGuard;
    private final int capacity;
    private StreamDescriptor stream;
    private EventBatch batch;

    /**
     * Opens {@code file} for records of {@code recordBytes} bytes; {@code overshoot} is how many
     * events past the target one record may add (0 when a record is at most one event).
     */
    protected EventFileSource(Path file, ByteOrder order, int recordBytes, int overshoot, FormatOptions options)
            throws IOException {
        super(file, order);
        this.recordBytes = recordBytes;
        this.target = options.batchEvents();
        this.capacity = target + overshoot;
        this.timeGuard = new TimeGuard(options.maxTimeJumpUs(), (at, what) -> problem(offsetOf(at), stream.id(), what));
    }

    /** Sets the one stream this file holds; called once by the subclass constructor. */
    protected final void describe(StreamDescriptor descriptor) {
        stream = descriptor;
        batch = new EventBatch(descriptor, capacity);
    }

    @Override
    public final List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    @Override
    public final Batch next() throws IOException {
        batch.clear();
        batch.ensureCapacity(capacity);
        long[] t = batch.times();
        short[] xs = batch.xs();
        short[] ys = batch.ys();
        byte[] ps = batch.polarities();
        int n = 0;
        while (n < target && (window.remaining() >= recordBytes || fill() >= recordBytes)) {
            int pos = window.position();
            int records = Math.min(target - n, window.remaining() / recordBytes);
            n = decode(t, xs, ys, ps, pos, pos + records * recordBytes, n);
        }
        endOfBatch();
        if (n == 0) {
            reportTornTail(recordBytes);
            return null;
        }
        batch.setSize(n);
        return batch;
    }

    /**
     * Decodes the whole records at window indices {@code [pos, end)} into the arrays from event
     * {@code n} on, stopping early only once {@link #target} events are there; leaves the window's
     * position after the last record decoded and returns the new event count.
     */
    protected abstract int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n);

    /** Called after each batch is filled, to report per-batch counts with {@link #skip}. */
    protected void endOfBatch() {
    }
}
