package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.BandSensorConfig;
import dev.vigil.runtime.config.DvsConfig;
import dev.vigil.runtime.config.DvsFilterConfig;
import dev.vigil.runtime.config.EnvelopeConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.BandDeltaEncoder;
import dev.vigil.sensors.encode.BearingGeometry;
import dev.vigil.sensors.encode.CompositeEncoder;
import dev.vigil.sensors.encode.DvsEventFilter;
import dev.vigil.sensors.encode.DvsFilterSettings;
import dev.vigil.sensors.encode.DvsGridEncoder;
import dev.vigil.sensors.encode.EnvelopeEncoder;
import dev.vigil.sensors.encode.FixedPointBandEncoder;
import dev.vigil.sensors.encode.SpikeEncoder;
import org.tinylog.Logger;

import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Builds the built-in lane models from the config: a readout layer that pools the encoder's channels
 * into a few integer LIF neurons (each input spike adds {@value #SYNAPSE_WEIGHT}), and a hand-set int8
 * head that labels a woken window from how its spikes are spread over those neurons.
 * <ul>
 *   <li>Event camera: 8 readouts = 2 polarities × 4 vertical strips; head labels {@code motion} (ON and
 *       OFF together, as a moving edge gives) or {@code light_change} (one polarity dominates).</li>
 *   <li>Audio: 4 readouts = rising level below 300 Hz, in 300–3400 Hz, above 3400 Hz, and falling
 *       level anywhere; head labels {@code speech} (speech band dominates) or {@code noise}.</li>
 *   <li>Vibration: 4 readouts = rising level below 500 Hz, 500–2000 Hz, above 2000 Hz, falling anywhere;
 *       head labels {@code bearing_fault} (rising level above 500 Hz, where a defect's impacts ring the
 *       structure) or {@code vibration_change} (rising level at shaft-rate frequencies only). With the
 *       envelope encoder on, its impact and defect-resonator spikes join the above-2000 Hz readout.</li>
 * </ul>
 */
public final class LaneModels {
    /** Weight of every input synapse of the readout layer. */
    public static final int SYNAPSE_WEIGHT = 64;

    private LaneModels() {
    }

    /** The lane model for {@code stream}, or empty when its sensor is disabled or has no lane kind. */
    public static Optional<LaneModel> forStream(StreamDescriptor stream, VigilConfig config) {
        NeuronParams neuron = NeuronParams.lif(config.network().readoutThreshold(), config.network().leakShift());
        return switch (stream.kind()) {
            case DVS -> config.sensors().dvs().enabled() ? Optional.of(dvs(stream, config.sensors().dvs(), neuron)) : Optional.empty();
            case AUDIO -> config.sensors().audio().enabled()
                    ? Optional.of(band(stream, config.sensors().audio(), neuron, 300, 3400, "speech", "noise"))
                    : Optional.empty();
            case VIBRATION -> config.sensors().vibration().enabled()
                    ? Optional.of(band(stream, config.sensors().vibration(), neuron, 500, 2000, "vibration_change", "bearing_fault"))
                    : Optional.empty();
            case DETECTIONS -> Optional.empty();
        };
    }

    /** Readout names of the event-camera lane. */
    public static final List<String> DVS_READOUTS = List.of("on-strip-0", "on-strip-1", "on-strip-2", "on-strip-3",
            "off-strip-0", "off-strip-1", "off-strip-2", "off-strip-3");
    /** Readout names of the audio and vibration lanes. */
    public static final List<String> BAND_READOUTS = List.of("rise-low", "rise-mid", "rise-high", "fall");

    private static LaneModel dvs(StreamDescriptor s, DvsConfig c, NeuronParams neuron) {
        DvsFilterConfig f = c.filter();
        DvsFilterSettings settings = new DvsFilterSettings(f.roiX0(), f.roiY0(), f.roiX1(), f.roiY1(),
                f.hotPixelWindowMs() * 1000L, f.hotPixelMaxEvents(), f.refractoryUs(), f.backgroundUs(), f.downsampleShift());
        DvsEventFilter filter = settings.passThrough() ? null : new DvsEventFilter(s.width(), s.height(), settings);
        int width = filter == null ? s.width() : filter.outputWidth();
        int height = filter == null ? s.height() : filter.outputHeight();
        int gx = Math.min(c.gridX(), width);
        int gy = Math.min(c.gridY(), height);
        DvsGridEncoder encoder = new DvsGridEncoder(width, height, gx, gy, filter);
        int cells = gx * gy;
        Network net = pooling("dvs", encoder.channels(), 8, ch -> {
            int polarity = ch / cells;
            int cellX = (ch % cells) % gx;
            return polarity * 4 + cellX * 4 / gx;
        }, neuron);
        // hidden: on-minus-off, off-minus-on, on-plus-off (each a sum over the 4 strips)
        byte[] w1 = new byte[3 * 8];
        for (int r = 0; r < 4; r++) {
            w1[r] = 1;
            w1[4 + r] = -1;
            w1[8 + r] = -1;
            w1[8 + 4 + r] = 1;
            w1[16 + r] = 1;
            w1[16 + 4 + r] = 1;
        }
        byte[] w2 = {-2, -2, 1, 2, 2, -1};
        Int8Model head = Int8Model.mlp("dvs-head", 2, List.of(
                new Int8Layer(8, 3, w1, new int[3], 0, true),
                new Int8Layer(3, 2, w2, new int[2], 0, false)), List.of("motion", "light_change"), 0.05);
        return new LaneModel("dvs", encoder, net, DVS_READOUTS, c.wake(), head);
    }

    private static LaneModel band(StreamDescriptor s, BandSensorConfig c, NeuronParams neuron, double lowSplit,
                                  double highSplit, String middleLabel, String otherLabel) {
        double nyquistSafe = 0.45 * s.sampleRate();
        double maxHz = c.maxHz();
        double minHz = c.minHz();
        if (maxHz > nyquistSafe) {
            Logger.warn("{} stream {} is sampled at {} Hz: band centres capped at {} Hz instead of {} Hz",
                    s.kind().label(), s.id(), s.sampleRate(), nyquistSafe, maxHz);
            maxHz = nyquistSafe;
            minHz = Math.min(minHz, maxHz);
        }
        BandDeltaEncoder bandEncoder = new BandDeltaEncoder(s.sampleRate(), c.bands(), minHz, maxHz, c.deltaDb(),
                c.floorDb(), c.smoothingMs(), Math.round(c.refractoryMs() * 1000));
        SpikeEncoder bands = c.fixedPoint() ? new FixedPointBandEncoder(s.sampleRate(), c.bands(), minHz, maxHz, c.deltaDb(),
                c.floorDb(), c.smoothingMs(), Math.round(c.refractoryMs() * 1000)) : bandEncoder;
        int[] group = new int[c.bands()];
        for (int k = 0; k < c.bands(); k++) {
            double f = bandEncoder.centreHz(k);
            group[k] = f < lowSplit ? 0 : f <= highSplit ? 1 : 2;
        }
        int bandChannels = bandEncoder.channels();
        SpikeEncoder encoder = bands;
        if (c.envelope().enabled()) {
            encoder = new CompositeEncoder(bands, envelope(s, c.envelope()));
        }
        Network net = pooling(s.kind().label(), encoder.channels(), 4,
                ch -> ch >= bandChannels ? 2 : (ch % 2 == 1) ? 3 : group[ch / 2], neuron);
        Int8Model head;
        if (middleLabel.equals("speech")) {
            // speech = 2*mid - low - high ; noise = low + high
            byte[] w1 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
            byte[] w2 = {-1, 2, -1, 1, 0, 1};
            head = Int8Model.mlp("audio-head", 0, List.of(
                    new Int8Layer(4, 3, w1, new int[3], 0, true),
                    new Int8Layer(3, 2, w2, new int[2], 0, false)), List.of(middleLabel, otherLabel), 0.2);
        } else {
            // bearing_fault = 4*(mid + high) - low ; vibration_change = 2*low
            byte[] w1 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
            byte[] w2 = {-1, 4, 4, 2, 0, 0};
            head = Int8Model.mlp("vibration-head", 0, List.of(
                    new Int8Layer(4, 3, w1, new int[3], 0, true),
                    new Int8Layer(3, 2, w2, new int[2], 0, false)), List.of(otherLabel, middleLabel), 0.2);
        }
        return new LaneModel(s.kind().label(), encoder, net, BAND_READOUTS, c.wake(), head);
    }

    private static EnvelopeEncoder envelope(StreamDescriptor s, EnvelopeConfig e) {
        double[] defects = e.shaftHz() > 0
                ? new BearingGeometry(e.balls(), e.ballDiameter(), e.pitchDiameter(), e.contactAngleDeg()).defectFrequencies(e.shaftHz())
                : e.defectHz();
        double high = Math.min(e.bandHighHz(), 0.45 * s.sampleRate());
        return new EnvelopeEncoder(s.sampleRate(), s.channels(), Math.min(e.bandLowHz(), high * 0.9), high,
                e.envelopeHz(), defects, e.ratio());
    }

    private static Network pooling(String name, int inputs, int readouts, IntUnaryOperator readoutOf, NeuronParams neuron) {
        int[] w = new int[inputs * readouts];
        for (int i = 0; i < inputs; i++) {
            w[i * readouts + readoutOf.applyAsInt(i)] = SYNAPSE_WEIGHT;
        }
        return new Network(name + "-front-end", inputs, List.of(new DenseLayer(name + "-readout", inputs, readouts, w, neuron)));
    }
}
