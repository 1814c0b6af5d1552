package dev.vigil.sensors.formats;

import java.util.List;
import java.util.Objects;

/**
 * What a log file does not say about itself. Every field has a default ({@link #defaults()}); change
 * one with the {@code with…} methods.
 *
 * @param sampleRateHz   sample rate for files that do not store one (.mat; CSV without a time column), Hz
 * @param units          units of vibration samples when the file does not state them, e.g. {@code "g"}
 * @param variables      .mat variables (or CSV columns) to use as axes, in order; empty = detect
 * @param timeColumn     CSV time column name or 0-based index; empty = detect, {@code "none"} = no time column
 * @param timeUnit       unit of the CSV time column when its header does not say: {@code s}, {@code ms} or {@code us}
 * @param width          event-camera width when the file does not state it (0 = detect)
 * @param height         event-camera height when the file does not state it (0 = detect)
 * @param imuRateHz      nominal sample rate given to an AEDAT IMU stream turned into vibration, Hz
 * @param batchEvents    events per batch a reader aims for
 * @param batchFrames    frames per batch for sampled streams
 * @param maxPacketBytes cap on one packet or decompressed payload; a larger length field is corruption
 * @param maxTimeJumpUs  largest step forward in time between two events of a stream, µs; a larger step,
 *                       or any step back, is damage (see {@link TimeGuard})
 */
public record FormatOptions(double sampleRateHz, String units, List<String> variables, String timeColumn,
                            String timeUnit, int width, int height, double imuRateHz, int batchEvents,
                            int batchFrames, int maxPacketBytes, long maxTimeJumpUs) {

    /** Default cap on a packet (compressed or not): 64 MiB. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 64 << 20;
    /** Default bound on a step of event time: 60 s. */
    public static final long DEFAULT_MAX_TIME_JUMP_US = 60_000_000;

    public FormatOptions {
        units = Objects.requireNonNullElse(units, "");
        variables = List.copyOf(Objects.requireNonNullElse(variables, List.of()));
        timeColumn = Objects.requireNonNullElse(timeColumn, "");
        timeUnit = Objects.requireNonNullElse(timeUnit, "s");
        if (!(sampleRateHz > 0) || !(imuRateHz > 0)) {
            throw new IllegalArgumentException("sample rates must be positive, got " + sampleRateHz + " and " + imuRateHz);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("resolution must not be negative, got " + width + "x" + height);
        }
        if (batchEvents < 16 || batchFrames < 1 || maxPacketBytes < 1024) {
            throw new IllegalArgumentException("batch sizes and packet cap too small: " + batchEvents + ", "
                    + batchFrames + ", " + maxPacketBytes);
        }
        if (!List.of("s", "ms", "us").contains(timeUnit)) {
            throw new IllegalArgumentException("time unit must be s, ms or us, got " + timeUnit);
        }
        if (maxTimeJumpUs < 1) {
            throw new IllegalArgumentException("the largest time jump must be at least 1 µs, got " + maxTimeJumpUs);
        }
    }

    /**
     * 12 kHz (CWRU's drive-end rate), units from the file, everything detected, 64 Ki-event batches,
     * time jumps up to 60 s.
     */
    public static FormatOptions defaults() {
        return new FormatOptions(12_000, "", List.of(), "", "s", 0, 0, 1_000, 1 << 16, 4096,
                DEFAULT_MAX_PACKET_BYTES, DEFAULT_MAX_TIME_JUMP_US);
    }

    /** With the sample rate for files that do not hold one. */
    public FormatOptions withSampleRate(double hz) {
        return new FormatOptions(hz, units, variables, timeColumn, timeUnit, width, height, imuRateHz, batchEvents,
                batchFrames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the units of vibration samples. */
    public FormatOptions withUnits(String u) {
        return new FormatOptions(sampleRateHz, u, variables, timeColumn, timeUnit, width, height, imuRateHz,
                batchEvents, batchFrames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the variables or columns to read as axes. */
    public FormatOptions withVariables(List<String> vars) {
        return new FormatOptions(sampleRateHz, units, vars, timeColumn, timeUnit, width, height, imuRateHz,
                batchEvents, batchFrames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the CSV time column (name, index or {@code "none"}) and its unit. */
    public FormatOptions withTimeColumn(String column, String unit) {
        return new FormatOptions(sampleRateHz, units, variables, column, unit, width, height, imuRateHz, batchEvents,
                batchFrames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the event-camera resolution. */
    public FormatOptions withResolution(int w, int h) {
        return new FormatOptions(sampleRateHz, units, variables, timeColumn, timeUnit, w, h, imuRateHz, batchEvents,
                batchFrames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the batch sizes. */
    public FormatOptions withBatch(int events, int frames) {
        return new FormatOptions(sampleRateHz, units, variables, timeColumn, timeUnit, width, height, imuRateHz,
                events, frames, maxPacketBytes, maxTimeJumpUs);
    }

    /** With the cap on one packet's size. */
    public FormatOptions withMaxPacketBytes(int bytes) {
        return new FormatOptions(sampleRateHz, units, variables, timeColumn, timeUnit, width, height, imuRateHz,
                batchEvents, batchFrames, bytes, maxTimeJumpUs);
    }

    /** With the largest step of event time that is not damage, µs. */
    public FormatOptions withMaxTimeJumpUs(long us) {
        return new FormatOptions(sampleRateHz, units, variables, timeColumn, timeUnit, width, height, imuRateHz,
                batchEvents, batchFrames, maxPacketBytes, us);
    }
}
