package dev.vigil.sensors.encode;

import java.util.Arrays;

/** Spikes held back to be merged by time with others; grows to the largest batch, then is reused. */
final class SpikeBuffer implements SpikeSink {
    private long[] times = new long[256];
    private int[] channels = new int[256];
    private int size;

    @Override
    public void spike(long timeUs, int channel) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            channels = Arrays.copyOf(channels, size * 2);
        }
        times[size] = timeUs;
        channels[size] = channel;
        size++;
    }

    void clear() {
        size = 0;
    }

    /**
     * Passes the spikes of {@code buffers[0 .. count)} to {@code sink} in time order (ties: the lower buffer
     * first), buffer {@code b}'s channels raised by {@code offsets[b]}; {@code cursor} (at least {@code count}
     * long) is scratch, so a merge allocates nothing.
     */
    static void merge(SpikeBuffer[] buffers, int count, int[] offsets, int[] cursor, SpikeSink sink) {
        Arrays.fill(cursor, 0, count, 0);
        while (true) {
            int next = -1;
            for (int b = 0; b < count; b++) {
                if (cursor[b] < buffers[b].size && (next < 0 || buffers[b].times[cursor[b]] < buffers[next].times[cursor[next]])) {
                    next = b;
                }
            }
            if (next < 0) {
                return;
            }
            int i = cursor[next]++;
            sink.spike(buffers[next].times[i], buffers[next].channels[i] + offsets[next]);
        }
    }
}
