package dev.vigil.runtime.learn;

/**
 * One labelled stretch of a log: {@code [startUs, endUs)} holds {@code label}. A label written
 * {@code sensor:label} (e.g. {@code audio:yes}) applies to that sensor's lane only; otherwise to every lane.
 *
 * @param startUs device time the event starts
 * @param endUs   device time it ends (after the start)
 * @param sensor  the lane it belongs to, or empty for every lane
 * @param label   what happened
 */
public record LabelInterval(long startUs, long endUs, String sensor, String label) {

    public LabelInterval {
        if (endUs <= startUs) {
            throw new IllegalArgumentException("end " + endUs + " us is not after start " + startUs + " us");
        }
    }

    /** True when this interval concerns lane {@code laneSensor}. */
    public boolean appliesTo(String laneSensor) {
        return sensor.isEmpty() || sensor.equals(laneSensor);
    }

    /** True when {@code [fromUs, toUs)} overlaps this interval. */
    public boolean overlaps(long fromUs, long toUs) {
        return fromUs < endUs && toUs > startUs;
    }

    /** Length in µs. */
    public long durationUs() {
        return endUs - startUs;
    }
}
