package dev.vigil.runtime.compile;

import dev.vigil.runtime.network.Network;

/**
 * An integer network made from a floating-point model, with the errors quantisation introduced.
 *
 * @param network the integer network
 * @param report  per-layer errors
 * @param dt      the step the continuous-time model was discretised with, in seconds
 */
public record QuantisedModel(Network network, QuantisationReport report, double dt) {
}
