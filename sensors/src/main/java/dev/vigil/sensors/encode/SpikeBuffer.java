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

    int size() {
        return size;
    }

    long timeUs(int i) {
        return times[i];
    }

    int channel(int i) {
        return channels[i];
    }
}
