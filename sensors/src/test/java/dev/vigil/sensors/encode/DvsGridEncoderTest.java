package dev.vigil.sensors.encode;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event grid as a polarity x H x W input: stretched or cropped, one or two polarity planes. */
class DvsGridEncoderTest {

    private static List<Integer> channels(DvsGridEncoder enc, int width, int height, int[][] events) {
        EventBatch b = new EventBatch(StreamDescriptor.dvs(0, "d", width, height), events.length);
        for (int[] e : events) {
            b.add(0, e[0], e[1], e[2]);
        }
        List<Integer> out = new ArrayList<>();
        enc.encode(b, (t, ch) -> out.add(ch));
        return out;
    }

    @Test
    void aDavisFrameIsCroppedToTheLargestWholeFactorOfA34x34Grid() {
        DvsGridEncoder enc = DvsGridEncoder.fitted(346, 260, 0, 0, 345, 259, 2, 34, 34, GridFit.CROP, null);
        assertEquals(2 * 34 * 34, enc.channels());
        // factor 7: the centre 238x238 starts at x = (346 - 238) / 2 = 54, y = (260 - 238) / 2 = 11
        List<Integer> ch = channels(enc, 346, 260, new int[][] {
                {54, 11, 0}, {60, 17, 1}, {61, 18, 1}, {291, 248, 0}, {53, 11, 1}, {292, 100, 1}, {100, 10, 0}});
        assertEquals(List.of(0, 34 * 34, 34 * 34 + 34 + 1, 33 * 34 + 33), ch,
                "corners map to cells (0,0) and (33,33) of their polarity plane; pixels outside the crop are dropped");
    }

    @Test
    void anNmnistFrameMapsOneToOneAndPolarityZeroIsTheFirstPlane() {
        DvsGridEncoder enc = DvsGridEncoder.fitted(34, 34, 0, 0, 33, 33, 2, 34, 34, GridFit.CROP, null);
        assertEquals(List.of(5 * 34 + 7, 34 * 34 + 33 * 34 + 33), channels(enc, 34, 34, new int[][] {{7, 5, 0}, {33, 33, 1}}));
        DvsGridEncoder merged = DvsGridEncoder.fitted(34, 34, 0, 0, 33, 33, 1, 34, 34, GridFit.CROP, null);
        assertEquals(34 * 34, merged.channels());
        assertEquals(List.of(5 * 34 + 7, 5 * 34 + 7), channels(merged, 34, 34, new int[][] {{7, 5, 0}, {7, 5, 1}}),
                "one plane: both polarities land on it");
    }

    @Test
    void theCropIsCentredInTheRegionOfInterest() {
        DvsGridEncoder enc = DvsGridEncoder.fitted(100, 100, 20, 30, 59, 69, 2, 10, 10, GridFit.CROP, null);
        assertEquals(List.of(0, 99), channels(enc, 100, 100, new int[][] {{20, 30, 0}, {59, 69, 0}, {19, 30, 0}, {60, 50, 0}}));
    }

    @Test
    void stretchingMapsEachAxisAsTheBuiltInGridDoes() {
        DvsGridEncoder fitted = DvsGridEncoder.fitted(128, 96, 0, 0, 127, 95, 2, 12, 16, GridFit.STRETCH, null);
        DvsGridEncoder grid = new DvsGridEncoder(128, 96, 16, 12);
        int[][] events = new int[128 * 96][];
        for (int i = 0; i < events.length; i++) {
            events[i] = new int[] {i % 128, i / 128, i & 1};
        }
        assertEquals(channels(grid, 128, 96, events), channels(fitted, 128, 96, events));
        assertTrue(grid.describe().startsWith("event grid 16x12 x 2 polarities over 128x96"), grid.describe());
    }

    @Test
    void aCropLargerThanTheRegionIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DvsGridEncoder.fitted(32, 32, 0, 0, 31, 31, 2, 34, 34, GridFit.CROP, null));
        assertEquals("a 34x34 grid does not fit the 32x32 region", e.getMessage());
    }

    @Test
    void riseSpikesKeepTheEvenChannelsRenumbered() {
        SpikeEncoder bands = new BandDeltaEncoder(16_000, 8, 100, 6000, 3, -60, 10);
        RiseSpikes rise = new RiseSpikes(bands);
        assertEquals(8, rise.channels());
        List<Integer> all = new ArrayList<>();
        List<Integer> rising = new ArrayList<>();
        EncoderFixtures.feed(bands, StreamKind.AUDIO, 16_000, 1.0,
                i -> i > 8000 && i < 12000 ? Math.sin(i * 0.3) : 0.0, (t, ch) -> all.add(ch));
        EncoderFixtures.feed(new RiseSpikes(new BandDeltaEncoder(16_000, 8, 100, 6000, 3, -60, 10)), StreamKind.AUDIO,
                16_000, 1.0, i -> i > 8000 && i < 12000 ? Math.sin(i * 0.3) : 0.0, (t, ch) -> rising.add(ch));
        assertEquals(all.stream().filter(c -> c % 2 == 0).map(c -> c / 2).toList(), rising);
        assertTrue(!rising.isEmpty() && all.size() > rising.size(), all.size() + " spikes, " + rising.size() + " rising");
    }
}
