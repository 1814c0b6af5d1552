package dev.vigil.sensors.formats.vibration;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.formats.RegularFile;
import org.tinylog.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vibration samples from delimited text: comma, semicolon, tab or spaces, lines starting with
 * {@code #} ignored. A first line that is not all numbers is a header: a column named like a time
 * ({@code time}, {@code t}, {@code timestamp}, {@code seconds}…) is the time column, its unit taken
 * from the name ({@code time_ms}, {@code t [us]}, {@code time (s)}) or from the options; the other
 * columns (or those in {@link FormatOptions#variables()}) are the one to three axes, their unit read
 * from a bracketed suffix ({@code ax (g)}, {@code accel_x [m/s^2]}) or from the options. Without a
 * header the first of two or more columns is the time column, unless it ever decreases (then every
 * column is data). The sample
 * rate is measured from the whole time span (rows over span, so timestamps rounded to microseconds
 * still give the exact rate), from the median of the first thousand steps when the span has gaps, or
 * taken from the options when there is no time column. Rows that do not parse are reported and skipped. Lines longer than
 * {@link #MAX_LINE} characters are corrupt.
 */
public final class CsvVibrationReader implements LogSource {
    /** Longest line accepted. */
    public static final int MAX_LINE = 64 << 10;
    private static final Pattern UNIT = Pattern.compile("[(\\[]\\s*([^)\\]]+?)\\s*[)\\]]\\s*$");
    private static final List<String> TIME_NAMES = List.of("time", "t", "timestamp", "seconds", "sec", "time_s",
            "time_ms", "time_us", "timestamp_us", "timestamp_ms", "t_s", "t_ms", "t_us", "ts");
    private static final int RATE_PROBE_ROWS = 1000;
    /** Largest relative difference between the mean and the median time step before gaps are assumed. */
    private static final double GAP_TOLERANCE = 0.05;

    private final Path file;
    private final String name;
    private final FormatOptions options;
    private final List<SourceProblem> problems = new ArrayList<>();
    private final StreamDescriptor stream;
    private final SampleBatch batch;
    private final int[] axisColumns;
    private final int timeColumn;
    private final double timeToUs;
    private final char delimiter;
    private final StringBuilder line = new StringBuilder();
    private final double[] fields = new double[64];
    private InputStream in;
    private long offset;
    private long lineNumber;
    private long frame;
    private long firstTimeUs = Long.MIN_VALUE;
    private final long fileSize;

    /** Opens {@code file}, reads its header and measures the sample rate. */
    public CsvVibrationReader(Path file, FormatOptions options) throws IOException {
        this.file = file;
        this.name = file.toString();
        this.options = options;
        RegularFile.require(file);
        this.fileSize = Files.size(file);
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            String first = nextLine();
            if (first == null) {
                throw new LogFormatException(name, 0, "header", "no data lines");
            }
            delimiter = delimiterOf(first);
            String[] cells = split(first, delimiter);
            boolean header = !allNumbers(cells);
            String[] names = header ? cells : defaultNames(cells.length);
            int time = findTimeColumn(names, header);
            double toUs = time < 0 ? 0 : usPerUnit(header ? names[time] : "");
            double rate = time < 0 ? options.sampleRateHz()
                    : measureRate(header, time, toUs, !header && options.timeColumn().isEmpty());
            if (Double.isNaN(rate)) {
                time = -1;
                toUs = 0;
                rate = options.sampleRateHz();
            }
            timeColumn = time;
            timeToUs = toUs;
            axisColumns = findAxes(names, timeColumn);
            String unit = options.units().isEmpty() ? unitOf(names[axisColumns[0]]) : options.units();
            stream = StreamDescriptor.sampled(0, StreamKind.VIBRATION, file.getFileName().toString(), rate,
                    axisColumns.length, unit);
            rewind(header);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e instanceof IOException io ? io : new LogFormatException(name, offset, "header", e.getMessage(), e);
        }
        batch = new SampleBatch(stream, options.batchFrames());
    }

    private void rewind(boolean header) throws IOException {
        in.close();
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        offset = 0;
        lineNumber = 0;
        if (header) {
            nextLine();
        }
    }

    /**
     * The sample rate the time column {@code col} ({@code toUs} µs per unit) gives; NaN when the column was
     * only {@code guessed} (a headerless file's first) and runs backwards, so it is data, not time.
     */
    private double measureRate(boolean header, int col, double toUs, boolean guessed) throws IOException {
        rewind(header);
        double[] steps = new double[RATE_PROBE_ROWS];
        int n = 0;
        long rows = 0;
        double first = Double.NaN;
        double previous = Double.NaN;
        for (String l; (l = nextLine()) != null; ) {
            String[] c = split(l, delimiter);
            if (c.length <= col) {
                continue;
            }
            try {
                double t = Double.parseDouble(c[col].trim());
                if (!Double.isNaN(previous) && t > previous) {
                    if (n < RATE_PROBE_ROWS) {
                        steps[n++] = t - previous;
                    }
                    rows++;
                    previous = t;
                } else if (Double.isNaN(previous)) {
                    first = t;
                    previous = t;
                } else if (guessed && t < previous) {
                    Logger.warn("{}: its first column runs backwards at line {}, so it is read as data, not as time"
                            + " (--time-column names one)", name, lineNumber);
                    return Double.NaN;
                }
            } catch (NumberFormatException e) {
                // a row that does not parse is reported when the samples are read
            }
        }
        if (n == 0) {
            Logger.warn("{}: cannot measure the sample rate from the time column; using {} Hz", name, options.sampleRateHz());
            return options.sampleRateHz();
        }
        Arrays.sort(steps, 0, n);
        double median = steps[n / 2];
        double mean = (previous - first) / rows;
        if (Math.abs(mean - median) > GAP_TOLERANCE * median) {
            Logger.warn("{}: the time column has gaps (mean step {} against median {}); the rate follows the median",
                    name, mean, median);
            return 1e6 / (median * toUs);
        }
        return 1e6 / (mean * toUs);
    }

    private int findTimeColumn(String[] names, boolean header) throws LogFormatException {
        String chosen = options.timeColumn();
        if (chosen.equalsIgnoreCase("none")) {
            return -1;
        }
        if (!chosen.isEmpty()) {
            for (int i = 0; i < names.length; i++) {
                if (bare(names[i]).equalsIgnoreCase(chosen) || names[i].equalsIgnoreCase(chosen)) {
                    return i;
                }
            }
            try {
                int i = Integer.parseInt(chosen);
                if (i >= 0 && i < names.length) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // not an index either
            }
            throw new LogFormatException(name, 0, "time column", "no column " + chosen + " in " + Arrays.toString(names));
        }
        if (!header) {
            return names.length >= 2 ? 0 : -1;
        }
        for (int i = 0; i < names.length; i++) {
            if (TIME_NAMES.contains(bare(names[i]).toLowerCase(Locale.ROOT).replace(' ', '_'))) {
                return i;
            }
        }
        return -1;
    }

    private int[] findAxes(String[] names, int time) throws LogFormatException {
        List<Integer> axes = new ArrayList<>();
        if (!options.variables().isEmpty()) {
            for (String v : options.variables()) {
                int found = -1;
                for (int i = 0; i < names.length; i++) {
                    if (bare(names[i]).equalsIgnoreCase(v) || names[i].equalsIgnoreCase(v)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    throw new LogFormatException(name, 0, "axis column", "no column " + v + " in " + Arrays.toString(names));
                }
                axes.add(found);
            }
        } else {
            for (int i = 0; i < names.length; i++) {
                if (i != time) {
                    axes.add(i);
                }
            }
        }
        if (axes.isEmpty() || axes.size() > 3) {
            throw new LogFormatException(name, 0, "axis columns", axes.size() + " axis columns "
                    + Arrays.toString(names) + "; a vibration CSV has one to three (choose them in the options)");
        }
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String bare(String column) {
        return UNIT.matcher(column).replaceAll("").trim();
    }

    private static String unitOf(String column) {
        Matcher m = UNIT.matcher(column);
        return m.find() ? m.group(1) : "";
    }

    private double usPerUnit(String column) {
        String unit = unitOf(column).toLowerCase(Locale.ROOT);
        String lower = bare(column).toLowerCase(Locale.ROOT);
        if (unit.isEmpty()) {
            unit = lower.endsWith("_us") ? "us" : lower.endsWith("_ms") ? "ms" : lower.endsWith("_s") ? "s" : options.timeUnit();
        }
        return switch (unit) {
            case "us", "µs", "microseconds" -> 1;
            case "ms", "milliseconds" -> 1e3;
            default -> 1e6;
        };
    }

    private static String[] defaultNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "column" + i;
        }
        return names;
    }

    private static char delimiterOf(String l) {
        for (char c : new char[] {',', ';', '\t'}) {
            if (l.indexOf(c) >= 0) {
                return c;
            }
        }
        return ' ';
    }

    private static String[] split(String l, char d) {
        String[] cells = d == ' ' ? l.trim().split("\\s+") : l.split(Pattern.quote(String.valueOf(d)), -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim().replace("\"", "");
        }
        return cells;
    }

    private static boolean allNumbers(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The next non-empty, non-comment line, or null at the end; over-long lines are reported and skipped. */
    private String nextLine() throws IOException {
        while (true) {
            line.setLength(0);
            long start = offset;
            boolean tooLong = false;
            int c;
            while ((c = in.read()) >= 0) {
                offset++;
                if (c == '\n') {
                    break;
                }
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c < 0 && line.isEmpty()) {
                return null;
            }
            lineNumber++;
            if (tooLong) {
                problem(start, "line " + lineNumber + " longer than " + MAX_LINE + " characters skipped");
                continue;
            }
            String s = line.toString().trim();
            if (!s.isEmpty() && s.charAt(0) != '#') {
                return s;
            }
        }
    }

    private void problem(long at, String what) {
        SourceProblem p = new SourceProblem(name, at, 0, what);
        problems.add(p);
        Logger.warn("csv: {}", p);
    }

    @Override
    public LogFormat format() {
        return LogFormat.CSV;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    @Override
    public List<SourceProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Batch next() throws IOException {
        int channels = axisColumns.length;
        float[] s = batch.samples();
        int n = 0;
        long batchStart = 0;
        String l;
        while (n < options.batchFrames() && (l = nextLine()) != null) {
            long at = offset - l.length() - 1;
            if (!parse(l)) {
                problem(Math.max(0, at), "line " + lineNumber + " is not a row of numbers: skipped");
                continue;
            }
            long t = timeColumn < 0 ? Math.round(frame * 1e6 / stream.sampleRate())
                    : Math.round(fields[timeColumn] * timeToUs);
            if (firstTimeUs == Long.MIN_VALUE) {
                firstTimeUs = t;
            }
            if (n == 0) {
                batchStart = t;
            }
            for (int a = 0; a < channels; a++) {
                s[n * channels + a] = (float) fields[axisColumns[a]];
            }
            n++;
            frame++;
        }
        if (n == 0) {
            return null;
        }
        batch.set(batchStart, n);
        return batch;
    }

    private boolean parse(String l) {
        int col = 0;
        int from = 0;
        int len = l.length();
        while (from <= len && col < fields.length) {
            int to = delimiter == ' ' ? nextSpace(l, from) : l.indexOf(delimiter, from);
            if (to < 0) {
                to = len;
            }
            String cell = l.substring(from, to).trim().replace("\"", "");
            try {
                fields[col++] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                return false;
            }
            from = to + 1;
            if (delimiter == ' ') {
                while (from < len && Character.isWhitespace(l.charAt(from))) {
                    from++;
                }
            }
            if (to == len) {
                break;
            }
        }
        int needed = Math.max(timeColumn, Arrays.stream(axisColumns).max().orElse(0)) + 1;
        return col >= needed && (timeColumn < 0 || !Double.isNaN(fields[timeColumn]));
    }

    private static int nextSpace(String l, int from) {
        for (int i = from; i < l.length(); i++) {
            if (Character.isWhitespace(l.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean sampleRateInFile() {
        return timeColumn >= 0;
    }

    @Override
    public double fractionRead() {
        return fileSize == 0 ? 1 : Math.min(1, offset / (double) fileSize);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
