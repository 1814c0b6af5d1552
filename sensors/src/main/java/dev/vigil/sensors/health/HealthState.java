package dev.vigil.sensors.health;

/** How a live sensor is doing, as published in the status and metrics. */
public enum HealthState {
    /** Reading normally. */
    HEALTHY,
    /** A bus error happened; retrying with backoff. */
    RETRYING,
    /** Retries ran out; the sensor is left alone and re-initialised at the next recovery time. */
    UNHEALTHY
}
