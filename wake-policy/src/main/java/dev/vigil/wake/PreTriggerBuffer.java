package dev.vigil.wake;

/**
 * Keeps the counts of the last {@code windows} windows (the closing one included) so the dense stage
 * sees the moments before a trigger. {@link #copyTo(int[])} lays them out oldest first, one row of
 * {@code neurons} counts per window; windows not seen yet are zero. Allocates nothing after
 * construction.
 */
public final class PreTriggerBuffer {
    private final int neurons;
    private final int[][] rows;
    private final long[] endUs;
    private int next;
    private long pushed;

    /** A buffer of {@code windows} rows of {@code neurons} counts. */
    public PreTriggerBuffer(int neurons, int windows) {
        if (neurons <= 0 || windows <= 0 || (long) neurons * windows > 1 << 20) {
            throw new IllegalArgumentException("pre-trigger buffer of " + windows + " windows x " + neurons
                    + " neurons is empty or above 2^20 counts");
        }
        this.neurons = neurons;
        this.rows = new int[windows][neurons];
        this.endUs = new long[windows];
    }

    /** The number of windows a span of {@code spanUs} before a window of hop {@code hopUs} needs, plus the window itself. */
    public static int windowsFor(long spanUs, long hopUs) {
        if (spanUs < 0 || hopUs <= 0) {
            throw new IllegalArgumentException("span must be >= 0 and hop > 0");
        }
        return (int) ((spanUs + hopUs - 1) / hopUs) + 1;
    }

    /** Records the window ending at {@code timeUs} with {@code counts}. */
    public void push(long timeUs, int[] counts) {
        System.arraycopy(counts, 0, rows[next], 0, neurons);
        endUs[next] = timeUs;
        next = (next + 1) % rows.length;
        pushed++;
    }

    /** Copies every row, oldest first, into {@code dst} (length {@link #size()}). */
    public void copyTo(int[] dst) {
        int w = rows.length;
        for (int r = 0; r < w; r++) {
            System.arraycopy(rows[(next + r) % w], 0, dst, r * neurons, neurons);
        }
    }

    /** End time of the oldest row held, or of the first window pushed when fewer than all are filled. */
    public long oldestEndUs() {
        return pushed >= rows.length ? endUs[next] : endUs[0];
    }

    /** Counts held: windows × neurons. */
    public int size() {
        return rows.length * neurons;
    }

    /** Windows held. */
    public int windows() {
        return rows.length;
    }

    /** Empties the buffer. */
    public void clear() {
        for (int[] r : rows) {
            java.util.Arrays.fill(r, 0);
        }
        next = 0;
        pushed = 0;
    }
}
