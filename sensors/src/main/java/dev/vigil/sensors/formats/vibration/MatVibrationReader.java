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
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads vibration signals from MATLAB level-5 {@code .mat} files through the MAT File Library (MFL),
 * which converts each variable's stored type to its declared class. The axes are the variables named
 * in {@link FormatOptions#variables()}, or else every numeric vector whose name ends in
 * {@code _time} (CWRU's {@code XnnnDE_time}, {@code _FE_time}, {@code _BA_time}), at most three.
 * The file holds no sample rate, so {@link FormatOptions#sampleRateHz()} sets it; units come from
 * {@link FormatOptions#units()}. MFL reads the whole file, so files over {@link #MAX_FILE_BYTES} are
 * refused.
 */
public final class MatVibrationReader implements LogSource {
    /** Largest .mat file accepted, 512 MiB (the library holds it in memory). */
    public static final long MAX_FILE_BYTES = 512L << 20;
    private final String name;
    private final StreamDescriptor stream;
    private final double[][] axes;
    private final List<String> axisNames = new ArrayList<>();
    private final List<SourceProblem> problems = new ArrayList<>();
    private final SampleBatch batch;
    private final int target;
    private final int frames;
    private int next;

    /** Reads {@code file}'s variables. */
    public MatVibrationReader(Path file, FormatOptions options) throws IOException {
        name = file.toString();
        RegularFile.require(file);
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new LogFormatException(name, 0, "file size", size + " bytes exceeds the " + MAX_FILE_BYTES + "-byte cap");
        }
        List<double[]> picked = new ArrayList<>();
        try (MatFile mat = Mat5.readFromFile(file.toFile())) {
            List<String> wanted = options.variables();
            if (wanted.isEmpty()) {
                for (MatFile.Entry e : mat.getEntries()) {
                    if (e.getName().endsWith("_time") && isVector(e.getValue()) && picked.size() < 3) {
                        picked.add(values((Matrix) e.getValue()));
                        axisNames.add(e.getName());
                    }
                }
            } else {
                for (String v : wanted) {
                    Array a = findArray(mat, v);
                    if (a == null || !isVector(a)) {
                        throw new LogFormatException(name, -1, v, "no numeric vector variable named " + v);
                    }
                    picked.add(values((Matrix) a));
                    axisNames.add(v);
                }
            }
        } catch (LogFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LogFormatException(name, -1, "MAT-file", "unreadable MAT file: " + e.getMessage(), e);
        }
        if (picked.isEmpty() || picked.size() > 3) {
            throw new LogFormatException(name, -1, "variables", picked.isEmpty()
                    ? "no *_time vector found; name the variables to read in the options"
                    : "choose one to three variables, got " + picked.size());
        }
        int n = Integer.MAX_VALUE;
        for (double[] a : picked) {
            n = Math.min(n, a.length);
        }
        for (int i = 0; i < picked.size(); i++) {
            if (picked.get(i).length != n) {
                problems.add(new SourceProblem(name, -1, 0, axisNames.get(i) + " has " + picked.get(i).length
                        + " samples, the shortest axis " + n + "; extra samples dropped"));
            }
        }
        axes = picked.toArray(double[][]::new);
        frames = n;
        String base = file.getFileName().toString();
        stream = StreamDescriptor.sampled(0, StreamKind.VIBRATION, base + " " + String.join(",", axisNames),
                options.sampleRateHz(), axes.length, options.units());
        target = options.batchFrames();
        batch = new SampleBatch(stream, target);
    }

    private static Array findArray(MatFile mat, String v) {
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(v)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean isVector(Array a) {
        int[] d = a.getDimensions();
        return a instanceof Matrix && d.length == 2 && (d[0] == 1 || d[1] == 1) && a.getNumElements() > 1;
    }

    private static double[] values(Matrix m) {
        double[] v = new double[m.getNumElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.getDouble(i);
        }
        return v;
    }

    /** The variables read as axes, in channel order. */
    public List<String> axisNames() {
        return List.copyOf(axisNames);
    }

    @Override
    public LogFormat format() {
        return LogFormat.MAT;
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
    public Batch next() {
        if (next >= frames) {
            return null;
        }
        int n = Math.min(target, frames - next);
        float[] s = batch.samples();
        int c = axes.length;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < c; a++) {
                s[i * c + a] = (float) axes[a][next + i];
            }
        }
        batch.set(Math.round(next * 1e6 / stream.sampleRate()), n);
        next += n;
        return batch;
    }

    @Override
    public boolean sampleRateInFile() {
        return false;
    }

    @Override
    public double fractionRead() {
        return frames == 0 ? 1 : next / (double) frames;
    }

    @Override
    public void close() {
        // everything was read in the constructor
    }
}
