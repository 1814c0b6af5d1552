package dev.vigil.sensors.formats;

import java.util.Locale;

/**
 * Sensor resolutions of event cameras known by name, from the vendors' data sheets, used when a file
 * names its camera but not its size.
 *
 * @param width  pixels
 * @param height pixels
 */
public record CameraGeometry(int width, int height) {

    /** The geometry of the camera {@code text} names (a header, plugin or model), or {@code null}. */
    public static CameraGeometry byName(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("davis346")) {
            return new CameraGeometry(346, 260);
        }
        if (t.contains("davis240")) {
            return new CameraGeometry(240, 180);
        }
        if (t.contains("dvs128")) {
            return new CameraGeometry(128, 128);
        }
        if (t.contains("dvxplorer_lite") || t.contains("dvxplorer lite")) {
            return new CameraGeometry(320, 240);
        }
        if (t.contains("dvxplorer") || t.contains("davis640")) {
            return new CameraGeometry(640, 480);
        }
        if (t.contains("gen41") || t.contains("imx636") || t.contains("gen4")) {
            return new CameraGeometry(1280, 720);
        }
        if (t.contains("genx320")) {
            return new CameraGeometry(320, 320);
        }
        if (t.contains("gen31") || t.contains("gen3")) {
            return new CameraGeometry(640, 480);
        }
        if (t.contains("atis")) {
            return new CameraGeometry(304, 240);
        }
        return null;
    }

    /** {@code options}' resolution when set, else {@code found}, else {@code fallback}. */
    public static CameraGeometry choose(FormatOptions options, CameraGeometry found, CameraGeometry fallback) {
        if (options.width() > 0 && options.height() > 0) {
            return new CameraGeometry(options.width(), options.height());
        }
        return found != null ? found : fallback;
    }
}
