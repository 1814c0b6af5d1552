package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.Sensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a sidecar label file: CSV lines {@code start_us,end_us,label[,sensor]}, an optional header line
 * with exactly those names, blank lines and {@code #} comments ignored. The optional fourth column names
 * the lane the interval belongs to ({@code dvs}, {@code audio}, {@code vibration}; empty = every lane), as
 * does a label prefix {@code sensor:label}. At most {@value #MAX_LINES} lines and {@value #MAX_LINE_CHARS}
 * characters per line are read; anything else is refused naming the file and line.
 */
public final class LabelFile {
    /** Line limit. */
    public static final int MAX_LINES = 1_000_000;
    /** Characters per line limit. */
    public static final int MAX_LINE_CHARS = 1_000;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private LabelFile() {
    }

    /** The intervals of {@code file}, sorted by start. */
    public static List<LabelInterval> read(Path file) throws IOException, LabelFileException {
        List<LabelInterval> out = new ArrayList<>();
        BufferedReader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LabelFileException(file + ": label file not found");
        }
        try (in) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (n > MAX_LINES) {
                    throw new LabelFileException(file + ": more than " + MAX_LINES + " lines");
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw new LabelFileException(file + " line " + n + ": longer than " + MAX_LINE_CHARS + " characters");
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String header = t.replace(" ", "");
                if (n == 1 && (header.equalsIgnoreCase("start_us,end_us,label") || header.equalsIgnoreCase("start_us,end_us,label,sensor"))) {
                    continue;
                }
                out.add(parse(file, n, t));
            }
        }
        out.sort(Comparator.comparingLong(LabelInterval::startUs));
        return List.copyOf(out);
    }

    private static LabelInterval parse(Path file, int n, String t) throws LabelFileException {
        String[] f = t.split(",", -1);
        if (f.length != 3 && f.length != 4) {
            throw new LabelFileException(file + " line " + n + ": expected start_us,end_us,label[,sensor], got " + f.length + " fields");
        }
        long start = number(file, n, "start_us", f[0].strip());
        long end = number(file, n, "end_us", f[1].strip());
        if (start < 0 || end <= start) {
            throw new LabelFileException(file + " line " + n + ": end_us " + end + " must be after start_us " + start + " (both >= 0)");
        }
        String label = f[2].strip();
        String sensor = "";
        int colon = label.indexOf(':');
        if (colon >= 0) {
            sensor = label.substring(0, colon);
            label = label.substring(colon + 1);
            if (Sensor.named(sensor).isEmpty()) {
                throw new LabelFileException(file + " line " + n + ": unknown sensor '" + sensor + "' (use dvs, audio, vibration)");
            }
        }
        String column = f.length == 4 ? f[3].strip() : "";
        if (!column.isEmpty()) {
            if (Sensor.named(column).isEmpty()) {
                throw new LabelFileException(file + " line " + n + ": sensor column '" + column + "' is not dvs, audio or vibration");
            }
            if (!sensor.isEmpty() && !sensor.equals(column)) {
                throw new LabelFileException(file + " line " + n + ": label prefix '" + sensor + ":' contradicts sensor column '" + column + "'");
            }
            sensor = column;
        }
        if (!LABEL.matcher(label).matches() || label.equals(Labels.BACKGROUND)) {
            throw new LabelFileException(file + " line " + n + ": label '" + label
                    + "' must be 1-64 of A-Z a-z 0-9 _ . - and not '" + Labels.BACKGROUND + "'");
        }
        return new LabelInterval(start, end, sensor, label);
    }

    private static long number(Path file, int n, String field, String v) throws LabelFileException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new LabelFileException(file + " line " + n + ": " + field + " '" + v + "' is not a whole number of microseconds");
        }
    }
}
