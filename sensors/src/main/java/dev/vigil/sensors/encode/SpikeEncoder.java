package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;

/** Turns one stream's batches into input spikes. Stateful (filters, references); one per stream. */
public interface SpikeEncoder {

    /** Number of input channels this encoder drives (the network's input size). */
    int channels();

    /** Encodes {@code batch}, pushing spikes to {@code sink} in time order. Allocates nothing. */
    void encode(Batch batch, SpikeSink sink);

    /** Short human description, e.g. "16 bands 100-6000 Hz, 3 dB delta". */
    String describe();
}
