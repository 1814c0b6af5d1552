package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.SpikeEncoder;
import dev.vigil.sensors.encode.SpikeSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream of a recording run through a lane's encoder and binned into the front end's steps, as the
 * lane feeds its device in replay: step {@code k} holds the spikes of
 * {@code [origin + k·dt, origin + (k+1)·dt)}, the origin being the stream's first sample or event, and the
 * steps run through the one holding its last (a partial last step included).
 *
 * @param spikes   the input spikes per step
 * @param stream   the stream encoded
 * @param encoder  the encoder's description
 * @param originUs device time of step 0's start
 */
record RecordingInput(SpikeInput spikes, StreamDescriptor stream, String encoder, long originUs) {

    /** Encodes {@code stream}'s batches from {@code source} with {@code encoder} into steps of {@code front}. */
    static RecordingInput encode(SensorSource source, StreamDescriptor stream, SpikeEncoder encoder, FrontEnd front)
            throws IOException {
        Steps steps = new Steps(front.stepUs());
        Batch batch;
        while ((batch = source.next()) != null) {
            if (batch.stream().id() != stream.id() || batch.size() == 0) {
                continue;
            }
            steps.through(batch.firstTimeUs());
            encoder.encode(batch, steps);
            steps.through(batch.lastTimeUs());
        }
        return new RecordingInput(new SpikeInput(front.network().inputs(), steps.events()), stream, encoder.describe(),
                steps.originUs);
    }

    /** Collects spikes per step; the first time seen is the origin. */
    private static final class Steps implements SpikeSink {
        private final long stepUs;
        private final List<int[]> done = new ArrayList<>();
        private long originUs = Long.MIN_VALUE;
        private int[] current = new int[64];
        private int count;

        Steps(long stepUs) {
            this.stepUs = stepUs;
        }

        /** Opens the steps up to and including the one holding {@code timeUs}. */
        void through(long timeUs) {
            if (originUs == Long.MIN_VALUE) {
                originUs = timeUs;
            }
            long step = Math.max(0, (timeUs - originUs) / stepUs);
            while (done.size() < step) {
                done.add(Arrays.copyOf(current, count));
                count = 0;
            }
        }

        @Override
        public void spike(long timeUs, int channel) {
            through(timeUs);
            if (count == current.length) {
                current = Arrays.copyOf(current, 2 * count);
            }
            current[count++] = channel;
        }

        int[][] events() {
            List<int[]> all = new ArrayList<>(done);
            if (originUs != Long.MIN_VALUE) {
                all.add(Arrays.copyOf(current, count));
            }
            return all.toArray(int[][]::new);
        }
    }
}
