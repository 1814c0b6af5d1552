package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.bundle.BandEncoding;
import dev.vigil.runtime.bundle.BuiltinLanes;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.EncoderSettings;
import dev.vigil.runtime.bundle.EventEncoding;
import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.config.AdaptiveFloorConfig;
import dev.vigil.runtime.config.DvsFilterConfig;
import dev.vigil.runtime.config.EnvelopeConfig;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WindowConfig;
import dev.vigil.sensors.Frequencies;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.AdaptiveFloorEncoder;
import dev.vigil.sensors.encode.BandDeltaEncoder;
import dev.vigil.sensors.encode.BandSpikes;
import dev.vigil.sensors.encode.CompositeEncoder;
import dev.vigil.sensors.encode.DvsEventFilter;
import dev.vigil.sensors.encode.DvsFilterSettings;
import dev.vigil.sensors.encode.DvsGridEncoder;
import dev.vigil.sensors.encode.EnvelopeEncoder;
import dev.vigil.sensors.encode.FixedPointBandEncoder;
import dev.vigil.sensors.encode.RiseSpikes;
import dev.vigil.sensors.encode.SpikeEncoder;
import org.tinylog.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a bundle lane into what runs on a stream: the lane a stream gets (its sensor's lane of the
 * bundle in use, else the built-in one), and the encoder that feeds its front end, sized by the front
 * end's input.
 * <ul>
 *   <li>Event camera: the input shape must be {@code [C, H, W]}, C = 2 (polarity 0 = OFF, 1 = ON) or 1
 *       (both polarities on one plane); the filtered frame is laid onto H × W as the lane's fit says
 *       (crop: centred in the region of interest at the largest whole factor; stretch: each axis scaled).</li>
 *   <li>Audio and vibration: the input's size N (whatever its shape) is {@code bands × c + e}, c the
 *       channels per band of the spike mode (2 rise/fall, 1 rise or above-floor), e the envelope encoder's channels for
 *       the stream's axes; the filterbank gets that many bands.</li>
 *   <li>The lane steps the device every {@code dt} of the front end, which must divide the window hop.</li>
 * </ul>
 * Anything else is a {@link LaneMismatchException} naming the model's input, the encoder's output and
 * what to configure.
 */
public final class LaneModels {

    private LaneModels() {
    }

    /** The built-in lane model for {@code stream}, or empty when its sensor is disabled or has no lane kind. */
    public static Optional<LaneModel> forStream(StreamDescriptor stream, VigilConfig config) {
        return laneFor(stream, config, null, config.device().id()).map(l -> build(l, stream, config.window()));
    }

    /** The sensor whose lane reads {@code stream}, if any. */
    public static Optional<Sensor> sensorOf(StreamDescriptor stream) {
        return Sensor.named(stream.kind().label());
    }

    /**
     * The lane that runs {@code stream}: {@code bundle}'s lane for its sensor (null: none), else the
     * built-in one for the stream with its front end compiled for {@code device}; empty when the sensor is
     * disabled or the stream has no lane kind.
     */
    public static Optional<BundleLane> laneFor(StreamDescriptor stream, VigilConfig config, ModelBundle bundle, String device) {
        Optional<Sensor> sensor = sensorOf(stream).filter(config.sensors()::enabled);
        if (sensor.isEmpty()) {
            return Optional.empty();
        }
        Optional<BundleLane> given = bundle == null ? Optional.empty() : bundle.lane(sensor.get());
        return Optional.of(given.orElseGet(() -> BuiltinLanes.lane(sensor.get(), config, stream, device)));
    }

    /** What {@code lane} runs on {@code stream} with windows of {@code window}. */
    public static LaneModel build(BundleLane lane, StreamDescriptor stream, WindowConfig window) {
        FrontEnd f = lane.frontEnd();
        String name = lane.sensor().label();
        long hopUs = window.hopMs() * 1000L;
        if (hopUs % f.stepUs() != 0) {
            throw new LaneMismatchException(String.format(Locale.ROOT, "lane %s: model '%s' steps every %d us (dt %s s),"
                    + " which does not divide window.hop-ms = %d: set window.hop-ms to a multiple of %d us, or compile the"
                    + " model with a --dt that divides it", name, f.network().name(), f.stepUs(), f.dtSeconds(), window.hopMs(), f.stepUs()));
        }
        return new LaneModel(name, encoder(lane.sensor(), lane.encoder(), f, stream), f.network(), f.readouts(), lane.wake(),
                lane.head().model(), f.stepUs(), lane.head().features(), lane.head().acceptScores(), lane.head().ensemble());
    }

    /**
     * The encoder that turns {@code stream} into the input of {@code front}, the front end of {@code sensor}'s
     * lane, set up by {@code settings} and sized by the front end's input shape; a {@link LaneMismatchException}
     * when it cannot give that shape. {@code settings} must be the sensor's kind (events for the event camera).
     */
    public static SpikeEncoder encoder(Sensor sensor, EncoderSettings settings, FrontEnd front, StreamDescriptor stream) {
        String name = sensor.label();
        return switch (settings) {
            case EventEncoding e -> events(name, front, e, stream);
            case BandEncoding b -> bands(name, front, b, stream);
        };
    }

    private static SpikeEncoder events(String lane, FrontEnd f, EventEncoding e, StreamDescriptor s) {
        List<Integer> shape = f.inputShape();
        if (shape.size() != 3 || shape.get(0) > 2) {
            throw new LaneMismatchException("lane " + lane + ": model '" + f.network().name() + "' takes input " + f.shape()
                    + "; the event-camera encoder gives polarity x H x W (1 or 2 polarity planes): use a model whose"
                    + " input node has shape [2, H, W] or [1, H, W]");
        }
        DvsFilterConfig c = e.filter();
        DvsFilterSettings settings = new DvsFilterSettings(c.roiX0(), c.roiY0(), c.roiX1(), c.roiY1(),
                c.hotPixelWindowMs() * 1000L, c.hotPixelMaxEvents(), c.refractoryUs(), c.backgroundUs(), c.downsampleShift());
        DvsEventFilter filter = settings.passThrough() ? null : new DvsEventFilter(s.width(), s.height(), settings);
        int shift = c.downsampleShift();
        int width = ((s.width() - 1) >> shift) + 1;
        int height = ((s.height() - 1) >> shift) + 1;
        int x0 = Math.min(c.roiX0(), s.width() - 1) >> shift;
        int y0 = Math.min(c.roiY0(), s.height() - 1) >> shift;
        int x1 = (c.roiX1() < 0 ? s.width() - 1 : Math.min(s.width() - 1, c.roiX1())) >> shift;
        int y1 = (c.roiY1() < 0 ? s.height() - 1 : Math.min(s.height() - 1, c.roiY1())) >> shift;
        try {
            return DvsGridEncoder.fitted(width, height, x0, y0, x1, y1, shape.get(0), shape.get(1), shape.get(2), e.fit(), filter);
        } catch (IllegalArgumentException tooSmall) {
            throw new LaneMismatchException("lane " + lane + ": model '" + f.network().name() + "' takes " + f.shape()
                    + " (polarity x H x W); the event camera gives " + (x1 - x0 + 1) + "x" + (y1 - y0 + 1)
                    + " after sensors.dvs.filter (region of interest, downsample-shift), too small to crop: widen the region,"
                    + " lower downsample-shift or set sensors.dvs.fit: stretch in the config the bundle is compiled with");
        }
    }

    private static SpikeEncoder bands(String lane, FrontEnd f, BandEncoding b, StreamDescriptor s) {
        int perBand = b.spikes().channelsPerBand();
        int envelope = b.envelope().channels(s.channels(), s.sampleRate());
        int bandInputs = f.network().inputs() - envelope;
        if (bandInputs < perBand || bandInputs % perBand != 0) {
            throw new LaneMismatchException("lane " + lane + ": model '" + f.network().name() + "' takes " + f.network().inputs()
                    + " inputs (shape " + f.shape() + "); the " + lane + " encoder gives " + perBand + " channel(s) per band ("
                    + switch (b.spikes()) {
                        case RISE_FALL -> "rise, fall";
                        case RISE -> "rise";
                        case ABOVE_FLOOR -> "above floor";
                    } + ") plus " + envelope
                    + " envelope channel(s), so it needs " + perBand + " x bands + " + envelope + ": set sensors." + lane
                    + ".spikes (rise-fall, rise or above-floor) or sensors." + lane + ".envelope in the config the bundle is compiled with");
        }
        int count = bandInputs / perBand;
        double nyquistSafe = 0.45 * s.sampleRate();
        double maxHz = b.maxHz();
        double minHz = b.minHz();
        if (maxHz > nyquistSafe) {
            Logger.warn("{} stream {} is sampled at {} Hz: band centres capped at {} Hz instead of {} Hz",
                    s.kind().label(), s.id(), Frequencies.format(s.sampleRate()), Frequencies.format(nyquistSafe),
                    Frequencies.format(maxHz));
            maxHz = nyquistSafe;
            minHz = Math.min(minHz, maxHz);
        }
        long refractoryUs = Math.round(b.refractoryMs() * 1000);
        AdaptiveFloorConfig af = b.adaptiveFloor();
        SpikeEncoder encoder = b.spikes() == BandSpikes.ABOVE_FLOOR
                ? new AdaptiveFloorEncoder(s.sampleRate(), count, minHz, maxHz, b.floorDb(), b.smoothingMs(), af.marginDb(), af.riseMs(),
                        af.fallMs(), af.spikeDbMs())
                : b.fixedPoint()
                ? new FixedPointBandEncoder(s.sampleRate(), count, minHz, maxHz, b.deltaDb(), b.floorDb(), b.smoothingMs(), refractoryUs)
                : new BandDeltaEncoder(s.sampleRate(), count, minHz, maxHz, b.deltaDb(), b.floorDb(), b.smoothingMs(), refractoryUs);
        if (b.spikes() == BandSpikes.RISE) {
            encoder = new RiseSpikes(encoder);
        }
        if (b.envelope().runsAt(s.sampleRate())) {
            encoder = new CompositeEncoder(encoder, envelope(s, b.envelope()));
        } else if (b.envelope().enabled()) {
            Logger.info("{} stream {} is sampled at {} Hz, too slow for the envelope path (a resonance band above its {} Hz cut-off):"
                    + " it runs on the filterbank alone", s.kind().label(), s.id(), Frequencies.format(s.sampleRate()),
                    Frequencies.format(b.envelope().envelopeHz()));
        }
        return encoder;
    }

    private static EnvelopeEncoder envelope(StreamDescriptor s, EnvelopeConfig e) {
        double high = Math.min(e.bandHighHz(), 0.45 * s.sampleRate());
        return new EnvelopeEncoder(s.sampleRate(), s.channels(), Math.min(e.bandLowHz(), high * 0.9), high,
                e.envelopeHz(), e.defects(), e.ratio());
    }
}
