package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.TextHeader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a Prophesee {@code %} header states: the resolution (geometry, format line, or camera
 * name) and the camera's serial number.
 */
final class PropheseeHeader {
    private static final Pattern GEOMETRY = Pattern.compile("(\\d+)\\s*x\\s*(\\d+)");
    private static final Pattern WIDTH = Pattern.compile("width=(\\d+)");
    private static final Pattern HEIGHT = Pattern.compile("height=(\\d+)");

    private PropheseeHeader() {
    }

    /** The DVS stream of a raw file, named after the camera's serial number when the header gives it. */
    static StreamDescriptor stream(TextHeader header, FormatOptions options, CameraGeometry fallback) {
        CameraGeometry g = geometry(header, options, fallback);
        String serial = header.value("serial_number");
        return StreamDescriptor.dvs(0, serial.isEmpty() ? "prophesee" : "prophesee " + serial, g.width(), g.height());
    }

    static CameraGeometry geometry(TextHeader header, FormatOptions options, CameraGeometry fallback) {
        CameraGeometry found = null;
        Matcher g = GEOMETRY.matcher(header.value("geometry"));
        String format = header.value("format");
        Matcher w = WIDTH.matcher(format);
        Matcher h = HEIGHT.matcher(format);
        if (g.find()) {
            found = new CameraGeometry(Integer.parseInt(g.group(1)), Integer.parseInt(g.group(2)));
        } else if (w.find() && h.find()) {
            found = new CameraGeometry(Integer.parseInt(w.group(1)), Integer.parseInt(h.group(1)));
        } else if (!header.value("width").isEmpty() && !header.value("height").isEmpty()) {
            try {
                found = new CameraGeometry(Integer.parseInt(header.value("width").trim()),
                        Integer.parseInt(header.value("height").trim()));
            } catch (NumberFormatException e) {
                found = null;
            }
        } else {
            found = CameraGeometry.byName(header.text());
        }
        if (found != null && (found.width() <= 0 || found.height() <= 0 || found.width() > 1 << 14 || found.height() > 1 << 14)) {
            found = null;
        }
        return CameraGeometry.choose(options, found, fallback);
    }
}
