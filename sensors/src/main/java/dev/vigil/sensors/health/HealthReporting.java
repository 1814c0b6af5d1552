package dev.vigil.sensors.health;

/** Implemented by live sources so the runtime can publish their health in the status and metrics. */
public interface HealthReporting {

    /** The current health; cheap, safe to call from another thread. */
    SensorHealth health();
}
