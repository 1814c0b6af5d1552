package dev.vigil.drivers.sensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: reads one numeric variable from an uncompressed little-endian MAT-file level 5
 * (MathWorks "MAT-File Format", level 5): a 128-byte header, then miMATRIX elements holding array
 * flags, dimensions, name and real part, each sub-element padded to 8 bytes.
 */
final class MatFile {
    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_INT16 = 3;
    private static final int MI_UINT16 = 4;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_DOUBLE = 9;
    private static final int MI_MATRIX = 14;

    private MatFile() {
    }

    /** The values of {@code variable} in {@code file}, converted to double. */
    static double[] read(Path file, String variable) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(126) != 0x4D49) {
            throw new IOException(file + ": not a little-endian MAT 5 file");
        }
        int pos = 128;
        while (pos + 8 <= b.limit()) {
            int type = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (type == MI_MATRIX) {
                double[] values = matrix(b, pos + 8, pos + 8 + size, variable);
                if (values != null) {
                    return values;
                }
            }
            pos += 8 + ((size + 7) & ~7);
        }
        throw new IOException(file + ": no variable " + variable);
    }

    private static double[] matrix(ByteBuffer b, int pos, int end, String wanted) {
        String name = null;
        int element = 0;
        while (pos < end) {
            int tag = b.getInt(pos);
            int type;
            int size;
            int data;
            int next;
            if ((tag >>> 16) != 0) {
                type = tag & 0xFFFF;
                size = tag >>> 16;
                data = pos + 4;
                next = pos + 8;
            } else {
                type = tag;
                size = b.getInt(pos + 4);
                data = pos + 8;
                next = data + ((size + 7) & ~7);
            }
            if (element == 2) {
                byte[] chars = new byte[size];
                b.get(data, chars);
                name = new String(chars, java.nio.charset.StandardCharsets.US_ASCII);
                if (!name.equals(wanted)) {
                    return null;
                }
            } else if (element == 3) {
                return numbers(b, type, data, size);
            }
            element++;
            pos = next;
        }
        return null;
    }

    private static double[] numbers(ByteBuffer b, int type, int data, int size) {
        int width = switch (type) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE -> 8;
            default -> throw new IllegalArgumentException("MAT data type " + type + " not handled");
        };
        double[] out = new double[size / width];
        for (int i = 0; i < out.length; i++) {
            int at = data + i * width;
            out[i] = switch (type) {
                case MI_INT8 -> b.get(at);
                case MI_UINT8 -> b.get(at) & 0xFF;
                case MI_INT16 -> b.getShort(at);
                case MI_UINT16 -> b.getShort(at) & 0xFFFF;
                case MI_INT32 -> b.getInt(at);
                case MI_UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
                case MI_SINGLE -> b.getFloat(at);
                default -> b.getDouble(at);
            };
        }
        return out;
    }
}
