package dev.vigil.sensors.logs;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.Frequencies;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.formats.SkippedElements;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code vigil inspect} prints about a log: its format, each stream with its count, time span
 * and rate, what was skipped and every corrupt part. Made by reading the whole source once, in
 * constant memory.
 *
 * @param file     the file
 * @param format   the format label
 * @param streams  one summary per declared stream, in declaration order
 * @param skipped  elements skipped by kind (frames, triggers, ...)
 * @param problems damaged parts reported and skipped
 */
public record SourceSummary(String file, String format, List<StreamSummary> streams, Map<String, Long> skipped,
                            List<SourceProblem> problems) {

    /**
     * One stream of a log.
     *
     * @param stream   the descriptor (kind, resolution or rate, channels, units)
     * @param batches  batches read
     * @param count    events, frames or lines
     * @param on       ON events (DVS streams), else 0
     * @param firstUs  time of the first element, µs (0 when empty)
     * @param lastUs   time of the last element, µs (0 when empty)
     */
    public record StreamSummary(StreamDescriptor stream, long batches, long count, long on, long firstUs, long lastUs) {

        /** Time from first to last element, seconds. */
        public double durationSeconds() {
            return count == 0 ? 0 : (lastUs - firstUs) / 1e6;
        }

        /** Elements per second over the duration (0 when shorter than 1 µs). */
        public double ratePerSecond() {
            double d = durationSeconds();
            return d > 0 ? count / d : 0;
        }
    }

    /** Opens {@code file} and summarises it. */
    public static SourceSummary of(Path file, FormatOptions options) throws IOException {
        try (SensorSource s = LogFormats.open(file, options)) {
            String format = s instanceof LogSource l ? l.format().label() : "unknown";
            return of(file.toString(), format, s);
        }
    }

    /** Reads {@code source} to its end and summarises it. */
    public static SourceSummary of(String file, String format, SensorSource source) throws IOException {
        Map<Integer, long[]> acc = new LinkedHashMap<>();
        for (StreamDescriptor d : source.streams()) {
            acc.put(d.id(), new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
        }
        for (Batch b; (b = source.next()) != null; ) {
            long[] a = acc.get(b.stream().id());
            if (a == null || b.size() == 0) {
                if (a != null) {
                    a[0]++;
                }
                continue;
            }
            a[0]++;
            a[1] += b.size();
            if (b instanceof EventBatch e) {
                byte[] p = e.polarities();
                long on = 0;
                for (int i = 0; i < e.size(); i++) {
                    on += p[i];
                }
                a[2] += on;
            }
            a[3] = Math.min(a[3], b.firstTimeUs());
            a[4] = Math.max(a[4], b.lastTimeUs());
        }
        List<StreamSummary> list = new ArrayList<>();
        for (StreamDescriptor d : source.streams()) {
            long[] a = acc.get(d.id());
            boolean empty = a[1] == 0;
            list.add(new StreamSummary(d, a[0], a[1], a[2], empty ? 0 : a[3], empty ? 0 : a[4]));
        }
        Map<String, Long> skipped = source instanceof SkippedElements s
                ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(s.skippedElements())) : Map.of();
        return new SourceSummary(file, format, List.copyOf(list), skipped, List.copyOf(source.problems()));
    }

    /** Total duration over all streams, seconds. */
    public double durationSeconds() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (StreamSummary s : streams) {
            if (s.count() > 0) {
                first = Math.min(first, s.firstUs());
                last = Math.max(last, s.lastUs());
            }
        }
        return first == Long.MAX_VALUE ? 0 : (last - first) / 1e6;
    }

    /**
     * A human-readable report, one line per stream, skipped kind and problem; counts with thousands
     * separators, sample units named ({@code FS} is full scale: samples run from -1 to 1).
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s, %d stream%s, %,.3f s%n", file, format, streams.size(), streams.size() == 1 ? "" : "s",
                durationSeconds()));
        for (StreamSummary s : streams) {
            StreamDescriptor d = s.stream();
            sb.append(String.format(Locale.ROOT, "  stream %d %s \"%s\"", d.id(), d.kind().label(), d.name()));
            if (d.kind() == StreamKind.DVS) {
                sb.append(String.format(Locale.ROOT, " %dx%d: %,d events (%,d ON), %,.3f s, %,.0f ev/s",
                        d.width(), d.height(), s.count(), s.on(), s.durationSeconds(), s.ratePerSecond()));
            } else if (d.kind() == StreamKind.DETECTIONS) {
                sb.append(String.format(Locale.ROOT, ": %,d lines", s.count()));
            } else {
                sb.append(String.format(Locale.ROOT, " %s Hz x %d %s: %,d frames, %,.3f s", Frequencies.format(d.sampleRate()),
                        d.channels(), units(d.units()), s.count(), s.count() / d.sampleRate()));
            }
            sb.append(String.format(Locale.ROOT, ", %,d batches%n", s.batches()));
        }
        skipped.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  skipped: %,d %s%n", v, k)));
        sb.append(String.format(Locale.ROOT, "  corrupt parts: %d%n", problems.size()));
        for (SourceProblem p : problems) {
            sb.append("    ").append(p).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** A sample unit with what it means where that is not obvious. */
    static String units(String units) {
        return switch (units) {
            case "" -> "(units not stated: set --units)";
            case "FS" -> "FS (full scale: -1 to 1)";
            case "g" -> "g (standard gravity, 9.81 m/s^2)";
            default -> units;
        };
    }
}
