package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.formats.LogFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reading of one size-prefixed flatbuffer (as specified at flatbuffers.dev: uoffset
 * root, vtable-indexed tables, length-prefixed vectors and strings). Every offset is checked against
 * the buffer, so a corrupt buffer raises a {@link LogFormatException} naming the file and the byte.
 */
final class FlatBufferView {
    private final ByteBuffer b;
    private final int start;
    private final int end;
    private final String file;
    private final long fileOffset;
    private final String what;

    /**
     * A view of the size-prefixed flatbuffer at {@code [from, from + length)} of {@code bytes}.
     * {@code fileOffset} is where {@code from} lies in the file (or -1 for decompressed data) and
     * {@code what} names the structure for messages.
     */
    FlatBufferView(byte[] bytes, int from, int length, String file, long fileOffset, String what) throws LogFormatException {
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
        this.fileOffset = fileOffset;
        this.what = what;
        if (length < 12) {
            throw error(from, "size prefix", "buffer of " + length + " bytes is too short");
        }
        long size = Integer.toUnsignedLong(b.getInt(from));
        if (size + 4 > length) {
            throw error(from, "size prefix", "declares " + size + " bytes but only " + (length - 4) + " are present");
        }
        this.start = from + 4;
        this.end = (int) (start + size);
    }

    private LogFormatException error(int pos, String field, String message) {
        return new LogFormatException(file, fileOffset < 0 ? -1 : fileOffset + pos, what + " " + field, message);
    }

    private void check(int pos, int len, String field) throws LogFormatException {
        if (pos < start || len < 0 || (long) pos + len > end) {
            throw error(pos, field, "offset " + (pos - start) + "+" + len + " outside the " + (end - start) + "-byte buffer");
        }
    }

    /** The 4-character file identifier after the root offset. */
    String identifier() throws LogFormatException {
        check(start + 4, 4, "identifier");
        return new String(b.array(), start + 4, 4, StandardCharsets.US_ASCII);
    }

    /** Absolute position of the root table. */
    int root() throws LogFormatException {
        return indirect(start, "root");
    }

    private int indirect(int pos, String field) throws LogFormatException {
        check(pos, 4, field);
        long target = pos + Integer.toUnsignedLong(b.getInt(pos));
        if (target >= end) {
            throw error(pos, field, "points outside the buffer");
        }
        return (int) target;
    }

    /** Position of field {@code index} of the table at {@code table}, or -1 if it is absent. */
    int field(int table, int index) throws LogFormatException {
        check(table, 4, "table");
        long vtable = (long) table - b.getInt(table);
        if (vtable < start || vtable + 4 > end) {
            throw error(table, "vtable", "vtable offset points outside the buffer");
        }
        int vt = (int) vtable;
        int vtSize = b.getShort(vt) & 0xFFFF;
        int tableSize = b.getShort(vt + 2) & 0xFFFF;
        check(vt, vtSize, "vtable");
        int slot = 4 + 2 * index;
        if (slot + 2 > vtSize) {
            return -1;
        }
        int off = b.getShort(vt + slot) & 0xFFFF;
        if (off == 0) {
            return -1;
        }
        if (off >= tableSize) {
            throw error(vt + slot, "vtable", "field " + index + " at " + off + " beyond the table size " + tableSize);
        }
        return table + off;
    }

    int intField(int table, int index, int absent) throws LogFormatException {
        int p = field(table, index);
        if (p < 0) {
            return absent;
        }
        check(p, 4, "int field");
        return b.getInt(p);
    }

    long longField(int table, int index, long absent) throws LogFormatException {
        int p = field(table, index);
        if (p < 0) {
            return absent;
        }
        check(p, 8, "long field");
        return b.getLong(p);
    }

    float floatField(int table, int index) throws LogFormatException {
        int p = field(table, index);
        if (p < 0) {
            return 0f;
        }
        check(p, 4, "float field");
        return b.getFloat(p);
    }

    /** Position of the length word of the vector in field {@code index}, or -1 if absent. */
    int vector(int table, int index, int elementBytes) throws LogFormatException {
        int p = field(table, index);
        if (p < 0) {
            return -1;
        }
        int v = indirect(p, "vector");
        check(v, 4, "vector length");
        long n = Integer.toUnsignedLong(b.getInt(v));
        if (n * elementBytes > end - v - 4) {
            throw error(v, "vector length", n + " elements of " + elementBytes + " bytes overrun the buffer");
        }
        return v;
    }

    /** Number of elements of the vector whose length word is at {@code v}. */
    int length(int v) {
        return b.getInt(v);
    }

    /** The table that element {@code i} of the table vector at {@code v} points to. */
    int tableAt(int v, int i) throws LogFormatException {
        return indirect(v + 4 + 4 * i, "vector element");
    }

    /** The string in field {@code index}, or {@code ""} if absent. */
    String string(int table, int index) throws LogFormatException {
        int v = vector(table, index, 1);
        if (v < 0) {
            return "";
        }
        return new String(b.array(), v + 4, length(v), StandardCharsets.UTF_8);
    }

    /** The underlying little-endian buffer, for bulk reads of struct vectors. */
    ByteBuffer buffer() {
        return b;
    }
}
