package dev.vigil.sensors.logs;

import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.RegularFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises a log format from its first bytes. The file extension only names a candidate when the
 * content says nothing, and that candidate must then pass a check of the content: a format with a
 * magic line or header needs it, N-MNIST event times must run forward, CSV must be text. Otherwise the
 * file is refused as "not a … file".
 */
final class FormatDetector {
    /** Bytes looked at to recognise a format. */
    static final int SNIFF_BYTES = 4096;
    private static final int NMNIST_EVENT_BYTES = 5;
    /** Half the N-MNIST 23-bit time range: a larger step back is the counter wrapping, not disorder. */
    private static final int NMNIST_HALF_RANGE = 1 << 22;

    private FormatDetector() {
    }

    static LogFormat detect(Path file) throws IOException {
        RegularFile.require(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        LogFormat byContent = byContent(head);
        if (byContent != null) {
            return byContent;
        }
        LogFormat byName = byExtension(file);
        if (byName == null) {
            throw new LogFormatException(file.toString(), 0, "magic", "unknown log format: no known magic bytes or header"
                    + " and no known extension (readable: vlog, aedat4, aedat3.1, aedat2, evt2/evt3 .raw, .dat, n-mnist .bin,"
                    + " .wav, .csv, .mat)");
        }
        refuseUnlikeContent(file.toString(), byName, head);
        return byName;
    }

    /** Refuses {@code head} as content of {@code format}, named by the extension alone, unless it fits. */
    private static void refuseUnlikeContent(String file, LogFormat format, byte[] head) throws LogFormatException {
        String missing = switch (format) {
            case VLOG -> "not a Vigil recording: no 'VIGILLOG' magic at the start";
            case AEDAT4 -> "not an AEDAT 4.0 file: no '#!AER-DAT4' line at the start";
            case AEDAT31 -> "not an AEDAT 3.1 file: no '#!AER-DAT3' line at the start";
            case AEDAT2 -> "not an AEDAT 2.0 file: no '#!AER-DAT2' line at the start";
            case WAV -> "not a WAV file: no 'RIFF....WAVE' header at the start";
            case MAT -> "not a MATLAB 5.0 .mat file: no 'MATLAB 5.0 MAT-file' text at the start";
            case EVT2, EVT3 -> head.length > 0 && head[0] == '%' ? null : "not a Prophesee RAW (EVT 2.0/3.0) file: no '%' header";
            case DAT -> head.length > 0 && head[0] == '%' ? null : "not a Prophesee DAT file: no '%' header";
            case NMNIST, CSV -> null;
        };
        if (missing != null) {
            throw new LogFormatException(file, 0, "magic", missing);
        }
        if (format == LogFormat.NMNIST) {
            refuseDisorderedNmnist(file, head);
        } else if (format == LogFormat.CSV) {
            refuseBinaryText(file, head);
        }
    }

    /** N-MNIST has no header: its 23-bit event times must run forward (wrapping at most). */
    private static void refuseDisorderedNmnist(String file, byte[] head) throws LogFormatException {
        int previous = -1;
        for (int at = 0; at + NMNIST_EVENT_BYTES <= head.length; at += NMNIST_EVENT_BYTES) {
            int t = (head[at + 2] & 0x7F) << 16 | (head[at + 3] & 0xFF) << 8 | head[at + 4] & 0xFF;
            if (previous > t && previous - t <= NMNIST_HALF_RANGE) {
                throw new LogFormatException(file, at, "time", "not an N-MNIST file: event times run backwards ("
                        + previous + " µs, then " + t + " µs)");
            }
            previous = t;
        }
    }

    /** CSV is text: no control bytes but tab, line feed and carriage return. */
    private static void refuseBinaryText(String file, byte[] head) throws LogFormatException {
        for (int at = 0; at < head.length; at++) {
            int b = head[at] & 0xFF;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
                throw new LogFormatException(file, at, "text", String.format(Locale.ROOT,
                        "not a text (CSV) file: control byte 0x%02x", b));
            }
        }
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
