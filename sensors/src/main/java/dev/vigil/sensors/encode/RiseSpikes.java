package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;

/**
 * Keeps only the rising-level spikes of a filterbank laid out as {@link BandSpikes#RISE_FALL} (channel
 * {@code 2k} rises, {@code 2k + 1} falls): channel {@code 2k} becomes {@code k}, falls are dropped. The
 * filterbank's references still step both ways. Allocates nothing.
 */
public final class RiseSpikes implements SpikeEncoder, SpikeSink {
    private final SpikeEncoder bands;
    private SpikeSink out;

    /** The rising spikes of {@code bands}. */
    public RiseSpikes(SpikeEncoder bands) {
        if (bands.channels() % 2 != 0) {
            throw new IllegalArgumentException("a rise/fall filterbank has an even number of channels, got " + bands.channels());
        }
        this.bands = bands;
    }

    @Override
    public int channels() {
        return bands.channels() / 2;
    }

    @Override
    public void encode(Batch batch, SpikeSink sink) {
        out = sink;
        bands.encode(batch, this);
    }

    @Override
    public void spike(long timeUs, int channel) {
        if ((channel & 1) == 0) {
            out.spike(timeUs, channel >> 1);
        }
    }

    @Override
    public String describe() {
        return bands.describe() + ", rising spikes only";
    }
}
