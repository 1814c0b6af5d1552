package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.EventFileSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.TextHeader;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * What the EVT 2.0 and EVT 3.0 raw readers share: the {@code %} header naming the camera and its
 * resolution, and the counts of words skipped per batch (CD events before the first TIME_HIGH,
 * external triggers, other words).
 */
abstract class PropheseeRawReader extends EventFileSource {
    /** CD events seen before the first TIME_HIGH in this batch. */
    protected long early;
    /** EXT_TRIGGER words in this batch. */
    protected long triggers;
    /** Words of any other skipped type in this batch. */
    protected long others;

    /** Opens {@code file}, reads its header and places the window on the first word. */
    PropheseeRawReader(Path file, FormatOptions options, int wordBytes, int overshoot, CameraGeometry fallback)
            throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN, wordBytes, overshoot, options);
        try {
            TextHeader header = TextHeader.read(channel, name, '%', "end");
            CameraGeometry g = PropheseeHeader.geometry(header, options, fallback);
            String serial = header.value("serial_number");
            describe(StreamDescriptor.dvs(0, serial.isEmpty() ? "prophesee" : "prophesee " + serial,
                    g.width(), g.height()));
            seek(header.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    protected final void endOfBatch() {
        skip("events before the first TIME_HIGH", early);
        skip("triggers", triggers);
        skip("other words", others);
        early = 0;
        triggers = 0;
        others = 0;
    }
}
