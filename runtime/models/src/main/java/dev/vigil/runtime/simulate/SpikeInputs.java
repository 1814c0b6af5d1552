package dev.vigil.runtime.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads input spikes for a network whose one-step input has a given shape. Formats:
 * <ul>
 * <li>CSV {@code step,channel}: one row per event, {@code channel} the flat input index;</li>
 * <li>CSV {@code step,polarity,y,x,count} (event-camera frames, e.g. Tonic's {@code ToFrame}): a
 *     {@code (C, H, W)} input gets {@code count} events on input {@code (polarity * H + y) * W + x};</li>
 * <li>NPY array of shape {@code (steps, inputs)} or {@code (steps, *shape)}: each element, a
 *     non-negative whole number, is that many events.</li>
 * </ul>
 * Steps run from 0 to the last step with an event (a CSV) or the array's first dimension (NPY). A bad
 * row, element or header is refused in one line naming the file and the line or element.
 */
public final class SpikeInputs {
    /** What this reader takes, for error messages. */
    public static final String SUPPORTED = "a CSV of events (step,channel), a CSV of event-camera frames"
            + " (step,polarity,y,x,count) or an NPY array (steps x inputs, or steps x C x H x W)";
    /** The most events one element of an NPY array may carry. */
    private static final int MAX_COUNT = 1 << 16;
    /** The most steps a spike file may describe: 10,000 s at 1 ms, held as one list of events per step. */
    static final int MAX_STEPS = 10_000_000;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private SpikeInputs() {
    }

    /**
     * Whether {@code file} holds input spikes in one of the formats read here: an NPY array, or a CSV whose
     * header is {@code step,channel} or {@code step,polarity,y,x,count} (any other file may be a recording).
     */
    public static boolean isSpikeFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return true;
        }
        if (!name.endsWith(".csv")) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            String header = first == null ? "" : first.strip().replace(" ", "");
            return header.equals("step,channel") || header.equals("step,polarity,y,x,count");
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Reads {@code file} for a network taking {@code shape} per step. */
    public static SpikeInput read(Path file, int[] shape) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return npy(file, shape);
        }
        if (name.endsWith(".csv")) {
            return csv(file, shape);
        }
        throw new InputFormatException(file.toString(), "", "not a spike file: input spikes are read from "
                + SUPPORTED);
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static SpikeInput csv(Path file, int[] shape) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String where = file.toString();
        if (lines.isEmpty()) {
            throw new InputFormatException(where, "", "empty file");
        }
        String header = lines.getFirst().strip().replace(" ", "");
        boolean frames = header.equals("step,polarity,y,x,count");
        if (!frames && !header.equals("step,channel")) {
            throw new InputFormatException(where, "line 1", "header '" + lines.getFirst().strip()
                    + "' is neither 'step,channel' nor 'step,polarity,y,x,count'");
        }
        if (frames && shape.length != 3) {
            throw new InputFormatException(where, "", "event-camera frames need a (C, H, W) input, the model takes "
                    + Arrays.toString(shape));
        }
        int inputs = size(shape);
        List<List<Integer>> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = "line " + (i + 1);
            String[] f = line.split(",", -1);
            if (f.length != (frames ? 5 : 2)) {
                throw new InputFormatException(where, at, f.length + " fields, expected " + (frames ? 5 : 2));
            }
            int step = field(where, at, "step", f[0], MAX_STEPS - 1);
            int input;
            int count = 1;
            if (frames) {
                int p = field(where, at, "polarity", f[1], shape[0] - 1);
                int y = field(where, at, "y", f[2], shape[1] - 1);
                int x = field(where, at, "x", f[3], shape[2] - 1);
                count = field(where, at, "count", f[4], MAX_COUNT);
                input = (p * shape[1] + y) * shape[2] + x;
            } else {
                input = field(where, at, "channel", f[1], inputs - 1);
            }
            while (steps.size() <= step) {
                steps.add(new ArrayList<>());
            }
            for (int k = 0; k < count; k++) {
                steps.get(step).add(input);
            }
        }
        int[][] events = new int[steps.size()][];
        for (int s = 0; s < events.length; s++) {
            events[s] = steps.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        return new SpikeInput(inputs, events);
    }

    private static int field(String file, String at, String name, String text, int max) throws InputFormatException {
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, at, name + " '" + text + "' is not a whole number");
        }
        if (v < 0 || v > max) {
            throw new InputFormatException(file, at, String.format(Locale.ROOT, "%s %,d outside 0..%,d", name, v, max));
        }
        return v;
    }

    private static SpikeInput npy(Path file, int[] shape) throws IOException {
        String where = file.toString();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII)
                .equals("NUMPY")) {
            throw new InputFormatException(where, "offset 0", "not an NPY file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        if (headerStart + headerLength > bytes.length) {
            throw new InputFormatException(where, "offset " + headerStart, "header runs past the end of the file");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher dims = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !dims.find()) {
            throw new InputFormatException(where, "header", "no descr, fortran_order or shape in '" + header.strip()
                    + "'");
        }
        if (fortran.group(1).equals("True")) {
            throw new InputFormatException(where, "header", "Fortran-ordered arrays are not supported (save with"
                    + " numpy.ascontiguousarray)");
        }
        long[] dim = Arrays.stream(dims.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int inputs = size(shape);
        long perStep = 1;
        for (int d = 1; d < dim.length; d++) {
            perStep *= dim[d];
        }
        if (dim.length < 2 || perStep != inputs) {
            throw new InputFormatException(where, "header", "array of shape " + Arrays.toString(dim) + " is not"
                    + " (steps, " + inputs + ") or (steps, " + String.join(", ",
                    Arrays.stream(shape).mapToObj(Integer::toString).toList()) + ")");
        }
        if (dim[0] > MAX_STEPS) {
            throw new InputFormatException(where, "header", String.format(Locale.ROOT,
                    "%,d steps, more than the %,d a spike file may hold", dim[0], MAX_STEPS));
        }
        char kind = descr.group(2).charAt(0);
        int width = Integer.parseInt(descr.group(3));
        b.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int data = headerStart + headerLength;
        long elements = dim[0] * perStep;
        if (data + elements * width > bytes.length) {
            throw new InputFormatException(where, "offset " + data, elements + " elements of " + width
                    + " bytes run past the end of the file");
        }
        int[][] events = new int[(int) dim[0]][];
        int[] buffer = new int[inputs];
        for (int s = 0; s < dim[0]; s++) {
            int n = 0;
            for (int i = 0; i < inputs; i++) {
                long index = (long) s * inputs + i;
                double v = element(b, data + (int) (index * width), kind, width, where);
                if (v < 0 || v != Math.rint(v) || v > MAX_COUNT) {
                    throw new InputFormatException(where, "element " + index + " (step " + s + ", input " + i + ")",
                            "value " + v + " is not a whole number of events 0.." + MAX_COUNT);
                }
                int count = (int) v;
                if (n + count > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, n + count));
                }
                Arrays.fill(buffer, n, n + count, i);
                n += count;
            }
            events[s] = Arrays.copyOf(buffer, n);
        }
        return new SpikeInput(inputs, events);
    }

    private static double element(ByteBuffer b, int offset, char kind, int width, String file)
            throws InputFormatException {
        return switch (kind + "" + width) {
            case "f4" -> b.getFloat(offset);
            case "f8" -> b.getDouble(offset);
            case "i1" -> b.get(offset);
            case "u1", "b1" -> Byte.toUnsignedInt(b.get(offset));
            case "i2" -> b.getShort(offset);
            case "u2" -> Short.toUnsignedInt(b.getShort(offset));
            case "i4" -> b.getInt(offset);
            case "u4" -> Integer.toUnsignedLong(b.getInt(offset));
            case "i8", "u8" -> b.getLong(offset);
            default -> throw new InputFormatException(file, "header", "element type " + kind + width
                    + " not supported (floats, integers or booleans)");
        };
    }
}
