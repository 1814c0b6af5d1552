package dev.vigil.runtime.config;

/**
 * Binds the built-in config defaults on a daemon thread, so that learning the config's records and building
 * {@link ConfigLoader}'s two Jackson mappers (most of a first load's time) run on another core while the
 * process starts its logging and reads its command line; a load that comes meanwhile waits for what it needs
 * and reuses the rest. A class of its own: calling a static method of {@link ConfigLoader} would initialise
 * it, mappers and all, on the caller's thread first (55-80 ms of {@code vigil run}'s start-up, measured).
 */
public final class ConfigWarmUp {
    private ConfigWarmUp() {
    }

    /** Starts the warm-up thread and returns at once. */
    public static void start() {
        Thread.ofPlatform().daemon().name("vigil-config-warm-up").start(ConfigWarmUp::bindDefaults);
    }

    private static void bindDefaults() {
        ConfigLoader.defaults();
    }
}
