package dev.vigil.runtime.bundle;

import dev.vigil.runtime.config.BandSensorConfig;
import dev.vigil.runtime.config.DvsConfig;
import dev.vigil.runtime.config.DvsFilterConfig;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.BandDeltaEncoder;
import dev.vigil.sensors.encode.BandSpikes;
import dev.vigil.sensors.encode.GridFit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The built-in front end, as bundle lanes built from the config: a readout layer that pools the
 * encoder's channels into a few integer LIF neurons (each input spike adds {@value #SYNAPSE_WEIGHT}, 1 on the event camera;
 * threshold and leak from {@code network.*}, one step every {@code network.timestep-us}), and a hand-set
 * int8 head that labels a woken window from how its spikes are spread over those neurons. The lanes run
 * through exactly the path of any other bundle's.
 * <ul>
 *   <li>Event camera: input 2 × grid-y × grid-x, the grid stretched over the frame; 8 readouts = 2
 *       polarities × 4 vertical strips, each event adding 1 against a threshold that scales with the
 *       strip's pixels ({@link #SATURATING_EVENTS_PER_PIXEL_S}), so counts say where the activity is;
 *       head labels {@code motion} (both polarities together, as a moving
 *       edge gives) or {@code light_change} (one polarity dominates).</li>
 *   <li>Audio: with {@code spikes: above-floor} (the default), one channel per band, spiking while the band
 *       stands above its adaptive noise floor; 7 readouts = above the floor below 300 Hz, in 300–3400 Hz,
 *       above 3400 Hz, the mid-band contrast (300–3400 Hz excites it, the other bands inhibit it), and
 *       300–3400 Hz in three log-equal thirds; head labels {@code speech} (contrast and speech band
 *       dominate) or {@code noise}. With delta spikes ({@code rise-fall}, {@code rise}), rise and fall
 *       channels; 4 readouts = rising level below 300 Hz, in 300–3400 Hz, above 3400 Hz, and falling level
 *       anywhere; head labels {@code speech} (speech band dominates) or {@code noise}.</li>
 *   <li>Vibration: as audio, split at 500 and 2000 Hz (above-floor by default; delta spikes: rising
 *       level below 500 Hz, 500–2000 Hz, above 2000 Hz, falling anywhere); head labels
 *       {@code bearing_fault} (level above 500 Hz, where a defect's impacts ring the structure) or
 *       {@code vibration_change} (level at shaft-rate frequencies only). The envelope encoder (on by
 *       default where the stream's rate holds it) adds its impact and defect-resonator spikes to the
 *       above-2000 Hz readout.</li>
 * </ul>
 * Built for a given stream, the network follows what that stream makes of the config (a grid capped at
 * the sensor's size, band centres capped below its Nyquist rate, one envelope channel set per axis);
 * built without one, it is what the config says (for {@code vigil compile --builtin}).
 */
public final class BuiltinLanes {
    /** Weight of every input synapse of the readout layer. */
    public static final int SYNAPSE_WEIGHT = 64;
    /**
     * Events per pixel and second at which an event-camera strip readout spikes on every step: every
     * event adds 1 and the threshold is this rate × the strip's pixels × the timestep, so a strip's count
     * grows with the share of its pixels that fire instead of stopping at one spike per step (recorded
     * scenes of every sensor in {@code ../shared/data} average 10–20 events per pixel and second while
     * they move; a still scene's background activity, well under 1, leaks away).
     */
    public static final double SATURATING_EVENTS_PER_PIXEL_S = 20;
    /** The largest event-camera readout threshold (17 bits, what the Akida-class device holds). */
    static final int MAX_STRIP_THRESHOLD = (1 << 17) - 1;
    /**
     * How many more bits of leak shift the event-camera readouts have than {@code network.leak-shift} (unless that is 0, no leak): 2,
     * so they integrate 4× longer (32 steps by default) and a strip spikes at all from 1/32 of the
     * saturating rate, a range of 32 between the quietest strip that counts and one that saturates.
     */
    static final int STRIP_LEAK_SLOWER = 2;
    /** Width of the frame the event-camera readouts are sized for when neither a stream nor the ROI gives one. */
    public static final int NOMINAL_WIDTH = 346;
    /** Height of that frame. */
    public static final int NOMINAL_HEIGHT = 260;
    /** Readout names of the event-camera lane. */
    public static final List<String> DVS_READOUTS = List.of("on-strip-0", "on-strip-1", "on-strip-2", "on-strip-3",
            "off-strip-0", "off-strip-1", "off-strip-2", "off-strip-3");
    /** Readout names of the audio and vibration lanes with delta spikes. */
    public static final List<String> BAND_READOUTS = List.of("rise-low", "rise-mid", "rise-high", "fall");
    /** Readout names of the audio and vibration lanes with spikes above an adaptive floor. */
    public static final List<String> FLOOR_READOUTS = List.of("above-low", "above-mid", "above-high", "mid-contrast",
            "above-mid-1", "above-mid-2", "above-mid-3");

    private BuiltinLanes() {
    }

    /**
     * Every sensor's built-in lane, for {@code device}, as one bundle with {@code provenance}; the
     * event-camera lane sized for {@code frame} (null: for no frame in particular).
     */
    public static ModelBundle bundle(VigilConfig config, String device, StreamDescriptor frame, Provenance provenance) {
        List<BundleLane> lanes = new ArrayList<>();
        for (Sensor s : Sensor.values()) {
            lanes.add(lane(s, config, s == Sensor.DVS ? frame : null, device));
        }
        return new ModelBundle(lanes, provenance);
    }

    /**
     * The built-in lane of {@code sensor} for {@code stream} (null: for no stream in particular), its
     * front end compiled for {@code device}.
     */
    public static BundleLane lane(Sensor sensor, VigilConfig config, StreamDescriptor stream, String device) {
        NeuronParams neuron = new NeuronParams(config.network().readoutThreshold(), config.network().leakShift(),
                config.network().reset(), 0);
        double dt = config.network().timestepUs() / 1e6;
        return switch (sensor) {
            case DVS -> dvs(config.sensors().dvs(), stream, neuron, dt, device);
            case AUDIO -> band(Sensor.AUDIO, config.sensors().audio(), stream, neuron, dt, device, 300, 3400, "speech", "noise");
            case VIBRATION -> band(Sensor.VIBRATION, config.sensors().vibration(), stream, neuron, dt, device, 500, 2000,
                    "vibration_change", "bearing_fault");
        };
    }

    private static BundleLane dvs(DvsConfig c, StreamDescriptor s, NeuronParams neuron, double dt, String device) {
        int gx = c.gridX();
        int gy = c.gridY();
        if (s != null) {
            int shift = c.filter().downsampleShift();
            gx = Math.min(gx, ((s.width() - 1) >> shift) + 1);
            gy = Math.min(gy, ((s.height() - 1) >> shift) + 1);
        }
        int cells = gx * gy;
        int columns = gx;
        long eventsPerSpike = Math.max(2, Math.round(stripPixels(c.filter(), s) * SATURATING_EVENTS_PER_PIXEL_S * dt));
        int leak = neuron.leakShift() == 0 ? 0 : Math.min(31, neuron.leakShift() + STRIP_LEAK_SLOWER);
        NeuronParams strip = new NeuronParams((int) Math.min(MAX_STRIP_THRESHOLD, eventsPerSpike), leak,
                neuron.reset(), neuron.refractorySteps());
        int[] w = new int[2 * cells * 8];
        for (int ch = 0; ch < 2 * cells; ch++) {
            w[ch * 8 + (ch / cells) * 4 + ((ch % cells) % columns) * 4 / columns] = 1;
        }
        Network net = new Network("dvs-front-end", 2 * cells, List.of(new DenseLayer("dvs-readout", 2 * cells, 8, w, strip)));
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
        FrontEnd front = new FrontEnd(device, dt, List.of(2, gy, gx), DVS_READOUTS, net, List.of());
        return new BundleLane(Sensor.DVS, EventEncoding.of(c, GridFit.STRETCH), front, c.wake(), DenseHead.counts(head));
    }

    /**
     * Pixels one strip readout covers per polarity: a quarter of the region of interest of {@code stream}'s
     * frame (its pixels, before any downsampling, since downsampling merges events but does not drop
     * them); without a stream, of the ROI if the config closes it, else of a {@value #NOMINAL_WIDTH} ×
     * {@value #NOMINAL_HEIGHT} frame (a DAVIS346).
     */
    static double stripPixels(DvsFilterConfig f, StreamDescriptor s) {
        int width = s != null ? s.width() : f.roiX1() >= 0 ? f.roiX1() + 1 : NOMINAL_WIDTH;
        int height = s != null ? s.height() : f.roiY1() >= 0 ? f.roiY1() + 1 : NOMINAL_HEIGHT;
        int x1 = f.roiX1() < 0 ? width - 1 : Math.min(f.roiX1(), width - 1);
        int y1 = f.roiY1() < 0 ? height - 1 : Math.min(f.roiY1(), height - 1);
        return Math.max(1, x1 - f.roiX0() + 1) * (double) Math.max(1, y1 - f.roiY0() + 1) / 4;
    }

    /** Whether, built without a stream, the strips are sized (in at least one direction) for the nominal frame. */
    public static boolean sizedNominally(DvsFilterConfig f) {
        return f.roiX1() < 0 || f.roiY1() < 0;
    }

    private static BundleLane band(Sensor sensor, BandSensorConfig c, StreamDescriptor s, NeuronParams neuron, double dt,
                                   String device, double lowSplit, double highSplit, String middleLabel, String otherLabel) {
        double maxHz = c.maxHz();
        double minHz = c.minHz();
        if (s != null && maxHz > 0.45 * s.sampleRate()) {
            maxHz = 0.45 * s.sampleRate();
            minHz = Math.min(minHz, maxHz);
        }
        int bands = c.bands();
        int[] group = new int[bands];
        int[] third = new int[bands];
        for (int k = 0; k < bands; k++) {
            double f = BandDeltaEncoder.centreHz(bands, minHz, maxHz, k);
            group[k] = f < lowSplit ? 0 : f <= highSplit ? 1 : 2;
            third[k] = group[k] != 1 ? -1 : Math.min(2, (int) (3 * Math.log(f / lowSplit) / Math.log(highSplit / lowSplit)));
        }
        int perBand = c.spikes().channelsPerBand();
        int bandChannels = perBand * bands;
        int inputs = bandChannels + (s == null ? c.envelope().channels(1) : c.envelope().channels(s.channels(), s.sampleRate()));
        boolean floor = c.spikes() == BandSpikes.ABOVE_FLOOR;
        Network net = floor ? aboveFloor(sensor.label(), inputs, group, third, neuron)
                : pooling(sensor.label(), inputs, 4,
                        ch -> ch >= bandChannels ? 2 : (perBand == 2 && ch % 2 == 1) ? 3 : group[ch / perBand], neuron);
        Int8Model head;
        int readouts = floor ? FLOOR_READOUTS.size() : BAND_READOUTS.size();
        if (middleLabel.equals("speech") && floor) {
            // speech = 2*contrast + mid - low - high ; noise = low + high (the mid thirds are for trained heads)
            byte[] w1 = new byte[4 * readouts];
            for (int r = 0; r < 4; r++) {
                w1[r * readouts + r] = 1;
            }
            byte[] w2 = {-1, 1, -1, 2, 1, 0, 1, 0};
            head = Int8Model.mlp("audio-head", 0, List.of(
                    new Int8Layer(readouts, 4, w1, new int[4], 0, true),
                    new Int8Layer(4, 2, w2, new int[2], 0, false)), List.of(middleLabel, otherLabel), 0.2);
        } else if (middleLabel.equals("speech")) {
            // speech = 2*mid - low - high ; noise = low + high
            byte[] w1 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
            byte[] w2 = {-1, 2, -1, 1, 0, 1};
            head = Int8Model.mlp("audio-head", 0, List.of(
                    new Int8Layer(4, 3, w1, new int[3], 0, true),
                    new Int8Layer(3, 2, w2, new int[2], 0, false)), List.of(middleLabel, otherLabel), 0.2);
        } else {
            // bearing_fault = 4*(mid + high) - low ; vibration_change = 2*low
            byte[] w1 = new byte[3 * readouts];
            for (int r = 0; r < 3; r++) {
                w1[r * readouts + r] = 1;
            }
            byte[] w2 = {-1, 4, 4, 2, 0, 0};
            head = Int8Model.mlp("vibration-head", 0, List.of(
                    new Int8Layer(readouts, 3, w1, new int[3], 0, true),
                    new Int8Layer(3, 2, w2, new int[2], 0, false)), List.of(otherLabel, middleLabel), 0.2);
        }
        FrontEnd front = new FrontEnd(device, dt, List.of(inputs), floor ? FLOOR_READOUTS : BAND_READOUTS, net, List.of());
        return new BundleLane(sensor, BandEncoding.of(c), front, c.wake(), DenseHead.counts(head));
    }

    /**
     * The readouts of a filterbank spiking above its adaptive floor, each input synapse as strong as the
     * threshold (an input spike already stands for a sustained level, so one makes a readout spike; at most
     * one per step): each band excites its group's readout
     * (low, mid, high; envelope channels the high one), and the contrast readout is excited by the middle
     * group and inhibited by the others, so a rise across the whole spectrum (a louder stretch of noise)
     * cancels there while one in the middle bands (speech, a defect's ringing) does not; three more readouts
     * split the middle group into log-equal thirds, so a trained head sees where in it the energy lies.
     */
    private static Network aboveFloor(String name, int inputs, int[] group, int[] third, NeuronParams neuron) {
        int weight = neuron.threshold();
        int n = FLOOR_READOUTS.size();
        int[] w = new int[inputs * n];
        for (int i = 0; i < inputs; i++) {
            int g = i < group.length ? group[i] : 2;
            w[i * n + g] = weight;
            w[i * n + 3] = g == 1 ? weight : -weight;
            if (g == 1) {
                w[i * n + 4 + third[i]] = weight;
            }
        }
        return new Network(name + "-front-end", inputs, List.of(new DenseLayer(name + "-readout", inputs, n, w, neuron)));
    }

    private static Network pooling(String name, int inputs, int readouts, IntUnaryOperator readoutOf, NeuronParams neuron) {
        int[] w = new int[inputs * readouts];
        for (int i = 0; i < inputs; i++) {
            w[i * readouts + readoutOf.applyAsInt(i)] = SYNAPSE_WEIGHT;
        }
        return new Network(name + "-front-end", inputs, List.of(new DenseLayer(name + "-readout", inputs, readouts, w, neuron)));
    }
}
