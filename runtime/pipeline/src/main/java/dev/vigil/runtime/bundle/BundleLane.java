package dev.vigil.runtime.bundle;

import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.WakeConfig;

/**
 * One lane of a bundle: how its sensor's stream becomes input spikes, the spiking network that reads
 * them, the wake rules over the network's readouts, and the dense head that labels a wake.
 *
 * @param sensor   the sensor whose stream the lane reads
 * @param encoder  the encoder settings the front end was compiled or trained against
 * @param frontEnd the compiled spiking front end
 * @param wake     the wake rules over its readouts
 * @param head     the dense head
 */
public record BundleLane(Sensor sensor, EncoderSettings encoder, FrontEnd frontEnd, WakeConfig wake, DenseHead head) {

    public BundleLane {
        if (sensor == null || encoder == null || frontEnd == null || wake == null || head == null) {
            throw new IllegalArgumentException("a lane needs a sensor, encoder, front end, wake rules and head");
        }
        if ((sensor == Sensor.DVS) != (encoder instanceof EventEncoding)) {
            throw new IllegalArgumentException("lane " + sensor.label() + " has a " + encoder.kind() + " encoder");
        }
        int readouts = frontEnd.readouts().size();
        if (head.readsFeatures()) {
            Sensor reads = head.features().logMel() != null ? Sensor.AUDIO : Sensor.VIBRATION;
            if (sensor != reads) {
                throw new IllegalArgumentException("lane " + sensor.label() + ": its head reads " + head.view()
                        + ", which only a " + reads.label() + " lane gives");
            }
        } else if (head.model().featuresPerWindow() != readouts) {
            throw new IllegalArgumentException("lane " + sensor.label() + ": the head reads " + head.model().featuresPerWindow()
                    + " counts per window, the front end has " + readouts + " readouts");
        }
    }

    /** A copy that wakes by {@code newWake} and labels wakes with {@code newHead}. */
    public BundleLane with(WakeConfig newWake, DenseHead newHead) {
        return new BundleLane(sensor, encoder, frontEnd, newWake, newHead);
    }
}
