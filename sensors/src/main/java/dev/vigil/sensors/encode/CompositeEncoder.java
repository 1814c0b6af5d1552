package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;

import java.util.Arrays;

/**
 * Runs two encoders on the same stream: the first's channels come first, the second's follow. Each
 * batch's spikes from both are merged by time (ties: the first encoder's first), so the output keeps
 * the non-decreasing order sinks rely on. The merge buffers grow to the largest batch, then are reused.
 */
public final class CompositeEncoder implements SpikeEncoder {
    private final SpikeEncoder first;
    private final SpikeEncoder second;
    private final int offset;
    private final Buffer a = new Buffer();
    private final Buffer b = new Buffer();

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
        a.size = 0;
        b.size = 0;
        first.encode(batch, a);
        second.encode(batch, b);
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            if (j == b.size || (i < a.size && a.t[i] <= b.t[j])) {
                sink.spike(a.t[i], a.ch[i]);
                i++;
            } else {
                sink.spike(b.t[j], b.ch[j] + offset);
                j++;
            }
        }
    }

    @Override
    public String describe() {
        return first.describe() + " + " + second.describe();
    }

    private static final class Buffer implements SpikeSink {
        private long[] t = new long[256];
        private int[] ch = new int[256];
        private int size;

        @Override
        public void spike(long timeUs, int channel) {
            if (size == t.length) {
                t = Arrays.copyOf(t, size * 2);
                ch = Arrays.copyOf(ch, size * 2);
            }
            t[size] = timeUs;
            ch[size] = channel;
            size++;
        }
    }
}
