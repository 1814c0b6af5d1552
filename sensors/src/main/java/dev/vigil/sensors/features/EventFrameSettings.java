package dev.vigil.sensors.features;

/**
 * Which events become a frame, and at what resolution: the region of interest {@code roiX, roiY,
 * roiWidth × roiHeight} of a {@code sensorWidth × sensorHeight} camera, binned by {@code factor} in
 * both directions, giving {@code 2 × ceil(roiHeight/factor) × ceil(roiWidth/factor)} counts.
 *
 * @param sensorWidth  camera width, px
 * @param sensorHeight camera height, px
 * @param roiX         left column of the region
 * @param roiY         top row of the region
 * @param roiWidth     region width, px
 * @param roiHeight    region height, px
 * @param factor       pixels per frame cell along each axis (1 = full resolution)
 */
public record EventFrameSettings(int sensorWidth, int sensorHeight, int roiX, int roiY, int roiWidth, int roiHeight,
                                 int factor) {

    public EventFrameSettings {
        if (sensorWidth <= 0 || sensorHeight <= 0 || factor <= 0 || roiWidth <= 0 || roiHeight <= 0 || roiX < 0 || roiY < 0
                || roiX + roiWidth > sensorWidth || roiY + roiHeight > sensorHeight) {
            throw new IllegalArgumentException("event frame region " + roiWidth + "x" + roiHeight + " at (" + roiX + ", "
                    + roiY + ") binned by " + factor + " must lie inside the " + sensorWidth + "x" + sensorHeight + " sensor");
        }
    }

    /** The whole sensor binned by {@code factor}. */
    public static EventFrameSettings wholeSensor(int width, int height, int factor) {
        return new EventFrameSettings(width, height, 0, 0, width, height, factor);
    }

    /** Frame columns. */
    public int width() {
        return (roiWidth + factor - 1) / factor;
    }

    /** Frame rows. */
    public int height() {
        return (roiHeight + factor - 1) / factor;
    }

    /** Counts per frame: {@code 2 × height × width}. */
    public int size() {
        return 2 * width() * height();
    }
}
