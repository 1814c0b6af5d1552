package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;

/**
 * Runs two encoders on the same stream: the first's channels come first, the second's follow. Each
 * batch's spikes from both are merged by time (ties: the first encoder's first), so the output keeps
 * the non-decreasing order sinks rely on. The merge buffers grow to the largest batch, then are reused.
 */
public final class CompositeEncoder implements SpikeEncoder {
    private final SpikeEncoder first;
    private final SpikeEncoder second;
    private final SpikeBuffer[] buffers = {new SpikeBuffer(), new SpikeBuffer()};
    private final int[] offsets;
    private final int[] cursor = new int[2];

    /** {@code first}'s channels, then {@code second}'s. */
    public CompositeEncoder(SpikeEncoder first, SpikeEncoder second) {
        this.first = first;
        this.second = second;
        this.offsets = new int[] {0, first.channels()};
    }

    @Override
    public int channels() {
        return first.channels() + second.channels();
    }

    @Override
    public void encode(Batch batch, SpikeSink sink) {
        buffers[0].clear();
        buffers[1].clear();
        first.encode(batch, buffers[0]);
        second.encode(batch, buffers[1]);
        SpikeBuffer.merge(buffers, 2, offsets, cursor, sink);
    }

    @Override
    public String describe() {
        return first.describe() + " + " + second.describe();
    }
}
