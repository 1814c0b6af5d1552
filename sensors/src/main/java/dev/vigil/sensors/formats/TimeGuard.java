package dev.vigil.sensors.formats;

import java.util.Locale;

/**
 * Keeps one event stream's time monotonic and plausible. A step back in time, or forward by more than
 * the bound ({@link FormatOptions#maxTimeJumpUs()}), is a jump: damage such as a flipped timestamp bit,
 * or a counter wrap that a flipped bit faked. The event is re-based onto the previous event's time and
 * every later event keeps that shift, so no event is lost and time never runs back. The first event
 * sets the time line, whatever its value (AEDAT 4 files carry absolute Unix time).
 *
 * <p>A jump opens a damaged part, which closes after {@link #PART_EVENTS} events without a jump; only
 * the jump that opens a part is reported to the {@link Listener}. While a part is open its events may
 * advance time by at most the bound in all, so a run of garbage (misaligned records after a damaged
 * header), whose random steps are partly within the bound, cannot stretch the recording by more than
 * the bound either. Nothing is allocated per event.
 */
public final class TimeGuard {
    /** Events without a jump after which a damaged part closes. */
    public static final int PART_EVENTS = 4096;
    /** {@link #last} before the first event: every time is below it, so the first event takes the slow path. */
    private static final long NONE = Long.MAX_VALUE;

    /** Told where a damaged part starts. */
    @FunctionalInterface
    public interface Listener {
        /** A damaged part starts at reader position {@code at} (its meaning is the reader's); {@code what} says what happened. */
        void damaged(int at, String what);
    }

    private final long maxJumpUs;
    private final Listener listener;
    private long last = NONE;
    private long shift;
    private long sinceJump = PART_EVENTS;
    private long partAdvance;

    /** A guard allowing steps of up to {@code maxJumpUs}, reporting damage to {@code listener}. */
    public TimeGuard(long maxJumpUs, Listener listener) {
        this.maxJumpUs = maxJumpUs;
        this.listener = listener;
    }

    /** The time to give an event decoded with time {@code decodedUs} at reader position {@code at}. */
    public long place(long decodedUs, int at) {
        long t = decodedUs + shift;
        long step = t - last;
        // Unsigned: a step back is a huge step forward, so one comparison catches both.
        if (Long.compareUnsigned(step, maxJumpUs) > 0) {
            t = rebase(t, at);
        } else if (sinceJump < PART_EVENTS) {
            t = withinPart(t, step);
        }
        last = t;
        sinceJump++;
        return t;
    }

    private long rebase(long t, int at) {
        if (last == NONE) {
            return t;
        }
        if (sinceJump >= PART_EVENTS) {
            listener.damaged(at, describe(t - last));
            partAdvance = 0;
        }
        sinceJump = 0;
        shift += last - t;
        return last;
    }

    /** Inside an open damaged part: steps beyond the part's budget (the bound, in all) are re-based too. */
    private long withinPart(long t, long step) {
        if (partAdvance + step > maxJumpUs) {
            shift -= step;
            return last;
        }
        partAdvance += step;
        return t;
    }

    private String describe(long step) {
        String jump = step < 0
                ? String.format(Locale.ROOT, "time runs back by %.6f s", -step / 1e6)
                : String.format(Locale.ROOT, "time jumps ahead by %.6f s (more than the %s s allowed between two events)",
                        step / 1e6, seconds(maxJumpUs));
        return jump + ": damaged timestamps; the events from here on are re-based to continue at " + last + " µs";
    }

    private static String seconds(long us) {
        return us % 1_000_000 == 0 ? Long.toString(us / 1_000_000) : Double.toString(us / 1e6);
    }
}
