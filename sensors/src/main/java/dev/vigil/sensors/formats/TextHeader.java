package dev.vigil.sensors.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ASCII comment header many event formats start with: lines beginning with a marker
 * ({@code %} for Prophesee, {@code #} for AEDAT 2 and 3.1), ended by the first line without it or by
 * an explicit end line. A {@code %} line must continue with a space or end at once, so binary data
 * that happens to start with {@code %} is not taken for a header line. Capped at {@link #MAX_BYTES}.
 *
 * @param lines  the header lines without the marker and line end
 * @param length bytes the header occupies; the binary data starts here
 */
public record TextHeader(List<String> lines, int length) {
    /** Longest header a reader accepts, 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * Reads the header of {@code channel}: consecutive lines starting with {@code marker}; a line equal
     * to {@code endLine} (after the marker, trimmed) is the last one. Throws when it runs past the cap.
     */
    public static TextHeader read(FileChannel channel, String file, char marker, String endLine) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(MAX_BYTES, channel.size()));
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // keep reading
        }
        byte[] a = b.array();
        int n = b.position();
        List<String> lines = new ArrayList<>();
        int pos = 0;
        while (pos < n && a[pos] == marker && (marker != '%' || pos + 1 >= n || isLineBreakOrSpace(a[pos + 1]))) {
            int eol = pos;
            while (eol < n && a[eol] != '\n') {
                eol++;
            }
            if (eol == n) {
                if (n == MAX_BYTES) {
                    throw new LogFormatException(file, pos, "header", "header line longer than the " + MAX_BYTES + "-byte cap");
                }
                break;
            }
            int end = eol > pos && a[eol - 1] == '\r' ? eol - 1 : eol;
            String line = new String(a, pos + 1, end - pos - 1, StandardCharsets.ISO_8859_1).trim();
            lines.add(line);
            pos = eol + 1;
            if (line.equals(endLine)) {
                break;
            }
        }
        return new TextHeader(lines, pos);
    }

    private static boolean isLineBreakOrSpace(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t';
    }

    /** The value after {@code key} (and a space, colon or equals sign) on the first line that starts with it, or "". */
    public String value(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith(k)) {
                String rest = line.substring(key.length()).trim();
                if (rest.startsWith(":") || rest.startsWith("=")) {
                    rest = rest.substring(1).trim();
                }
                return rest;
            }
        }
        return "";
    }

    /** The whole header as one string, for name-based guesses. */
    public String text() {
        return String.join("\n", lines);
    }
}
