package dev.vigil.runtime.pipeline;

/**
 * What a lane spent since its previous detection (since its start for the first), in parts: the front
 * end's counted work and static power in joules from its device's energy model, and the host CPU's
 * share as measured time, which only a board's power profile turns into joules ({@code vigil eval}
 * does, with {@code --board}).
 *
 * @param frontDynamicJ front-end work from the device's counters and energy model, J
 * @param frontStaticJ  the front-end device's static power over the time, J
 * @param encoderCpuS   host CPU time of the encoder, s
 * @param featuresCpuS  host CPU time keeping raw samples and computing features on wake, s
 * @param denseCpuS     host CPU time of the dense model's runs, s (0 when it runs on an accelerator)
 * @param denseDeviceJ  energy the dense accelerator spent, J (0 when it runs on the host CPU)
 */
public record DetectionEnergy(double frontDynamicJ, double frontStaticJ, double encoderCpuS, double featuresCpuS,
                              double denseCpuS, double denseDeviceJ) {

    /** What was spent since {@code earlier}, part by part. */
    public DetectionEnergy minus(DetectionEnergy earlier) {
        return new DetectionEnergy(frontDynamicJ - earlier.frontDynamicJ, frontStaticJ - earlier.frontStaticJ,
                encoderCpuS - earlier.encoderCpuS, featuresCpuS - earlier.featuresCpuS, denseCpuS - earlier.denseCpuS,
                denseDeviceJ - earlier.denseDeviceJ);
    }

    /** The front end's energy, static power included, J. */
    public double frontJ() {
        return frontDynamicJ + frontStaticJ;
    }
}
