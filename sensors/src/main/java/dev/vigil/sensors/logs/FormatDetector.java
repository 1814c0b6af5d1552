package dev.vigil.sensors.logs;

import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Recognises a log format from its first bytes, falling back to the file extension. */
final class FormatDetector {
    /** Bytes looked at to recognise a format. */
    static final int SNIFF_BYTES = 4096;

    private FormatDetector() {
    }

    static LogFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        LogFormat byContent = byContent(head);
        if (byContent != null) {
            return byContent;
        }
        LogFormat byName = byExtension(file);
        if (byName != null) {
            return byName;
        }
        throw new LogFormatException(file.toString(), 0, "magic", "unknown log format: no known magic bytes or header"
                + " and no known extension (readable: vlog, aedat4, aedat3.1, aedat2, evt2/evt3 .raw, .dat, n-mnist .bin,"
                + " .wav, .csv, .mat)");
    }

    static LogFormat byContent(byte[] head) {
        String ascii = new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("VIGILLOG")) {
            return LogFormat.VLOG;
        }
        if (ascii.startsWith("#!AER-DAT4.")) {
            return LogFormat.AEDAT4;
        }
        if (ascii.startsWith("#!AER-DAT3.")) {
            return LogFormat.AEDAT31;
        }
        if (ascii.startsWith("#!AER-DAT2.")) {
            return LogFormat.AEDAT2;
        }
        if (ascii.startsWith("RIFF") && ascii.length() >= 12 && ascii.startsWith("WAVE", 8)) {
            return LogFormat.WAV;
        }
        if (ascii.startsWith("MATLAB 5.0 MAT-file")) {
            return LogFormat.MAT;
        }
        if (ascii.startsWith("%")) {
            return prophesee(new String(head, StandardCharsets.ISO_8859_1));
        }
        return null;
    }

    private static LogFormat prophesee(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        if (h.contains("% evt 3") || h.contains("format evt3")) {
            return LogFormat.EVT3;
        }
        if (h.contains("% evt 2") || h.contains("format evt2")) {
            return LogFormat.EVT2;
        }
        if (h.contains("data file containing") || h.contains("% version 2") || h.contains("% version 1")) {
            return LogFormat.DAT;
        }
        if (h.contains("% plugin_name") || h.contains("% serial_number")) {
            return LogFormat.EVT3;
        }
        return null;
    }

    static LogFormat byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = name.substring(dot + 1);
        for (LogFormat f : LogFormat.values()) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        return null;
    }
}
