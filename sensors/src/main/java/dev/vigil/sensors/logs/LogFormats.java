package dev.vigil.sensors.logs;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.aedat.Aedat2Reader;
import dev.vigil.sensors.formats.aedat.Aedat31Reader;
import dev.vigil.sensors.formats.aedat.Aedat4Reader;
import dev.vigil.sensors.formats.audio.WavReader;
import dev.vigil.sensors.formats.nmnist.NmnistReader;
import dev.vigil.sensors.formats.prophesee.DatReader;
import dev.vigil.sensors.formats.prophesee.Evt2Reader;
import dev.vigil.sensors.formats.prophesee.Evt3Reader;
import dev.vigil.sensors.formats.vibration.CsvVibrationReader;
import dev.vigil.sensors.formats.vibration.MatVibrationReader;
import dev.vigil.sensors.vlog.VlogReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point for reading recorded logs: detects a file's format from its magic bytes or header
 * (the extension only as a fallback) and opens the matching reader. Every reader yields the
 * {@link SensorSource} contract live drivers use, with reused structure-of-arrays batches.
 *
 * <pre>{@code
 * try (SensorSource s = LogFormats.open(path, FormatOptions.defaults())) {
 *     for (Batch b; (b = s.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class LogFormats {

    private LogFormats() {
    }

    /** The format of {@code file}, or a {@link LogFormatException} if none is recognised. */
    public static LogFormat detectFormat(Path file) throws IOException {
        return FormatDetector.detect(file);
    }

    /** The short label of the format of {@code file}, e.g. {@code "aedat4"} or {@code "evt3"}. */
    public static String detect(Path file) throws IOException {
        return detectFormat(file).label();
    }

    /** Opens {@code file} with default options. */
    public static SensorSource open(Path file) throws IOException {
        return open(file, FormatOptions.defaults());
    }

    /**
     * Opens {@code file} with the reader for its format. Throws {@link LogFormatException} (naming the
     * file, byte offset and field) when the format is unknown or the header is unreadable.
     */
    public static SensorSource open(Path file, FormatOptions options) throws IOException {
        return open(file, detectFormat(file), options);
    }

    /** Opens {@code file} as {@code format}, skipping detection. */
    public static SensorSource open(Path file, LogFormat format, FormatOptions options) throws IOException {
        return switch (format) {
            case VLOG -> new VlogReader(file);
            case AEDAT4 -> new Aedat4Reader(file, options);
            case AEDAT31 -> new Aedat31Reader(file, options);
            case AEDAT2 -> new Aedat2Reader(file, options);
            case EVT2 -> new Evt2Reader(file, options);
            case EVT3 -> new Evt3Reader(file, options);
            case DAT -> new DatReader(file, options);
            case NMNIST -> new NmnistReader(file, options);
            case WAV -> new WavReader(file, options);
            case CSV -> new CsvVibrationReader(file, options);
            case MAT -> new MatVibrationReader(file, options);
        };
    }
}
