package dev.vigil.runtime.pipeline;

/**
 * How a lane's time is cut: timesteps of {@code stepUs} from {@code originUs}, windows closing every
 * {@code stepsPerHop} steps and spanning {@code hopsPerWindow} hops.
 */
record LaneTiming(long originUs, long stepUs, int stepsPerHop, int hopsPerWindow) {

    long hopUs() {
        return stepUs * stepsPerHop;
    }
}
