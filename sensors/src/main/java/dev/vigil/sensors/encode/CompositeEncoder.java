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
    private final int offset;
    private final SpikeBuffer a = new SpikeBuffer();
    private final SpikeBuffer b = new SpikeBuffer();

    /** {@code first}'s channels, then {@code second}'s. */
    public CompositeEncoder(SpikeEncoder first, SpikeEncoder second) {
        this.first = first;
        this.second = second;
        this.offset = first.channels();
    }

    @Override
    public int channels() {
        return first.channels() + second.channels();
    }

    @Override
    public void encode(Batch batch, SpikeSink sink) {
        a.clear();
        b.clear();
        first.encode(batch, a);
        second.encode(batch, b);
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && a.timeUs(i) <= b.timeUs(j))) {
                sink.spike(a.timeUs(i), a.channel(i));
                i++;
            } else {
                sink.spike(b.timeUs(j), b.channel(j) + offset);
                j++;
            }
        }
    }

    @Override
    public String describe() {
        return first.describe() + " + " + second.describe();
    }
}
