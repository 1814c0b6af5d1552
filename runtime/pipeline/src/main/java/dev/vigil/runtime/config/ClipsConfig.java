package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * One clip per event: the raw input from {@code pre-ms} before the event's start to its end (its quiet
 * windows included), as WAV (audio), CSV (vibration) or a Vigil recording (event camera). Off by default.
 *
 * @param enabled    write clips
 * @param dir        where; empty: {@code clips/} in the user's state directory
 * @param preMs      input kept from before the event's start, ms
 * @param maxMb      the clips together take at most this many MiB; the oldest go first
 * @param maxAgeDays clips older than this are deleted; 0 = no limit
 */
public record ClipsConfig(boolean enabled, String dir, int preMs, int maxMb, int maxAgeDays) {

    public ClipsConfig {
        dir = dir == null ? "" : dir;
        inRange("pre-ms", preMs, 0, 60_000);
        inRange("max-mb", maxMb, 1, 1_000_000);
        inRange("max-age-days", maxAgeDays, 0, 36_500);
    }
}
