package dev.vigil.runtime.config;

/** The dense stage, run only on wake. When disabled, a wake still emits a detection labelled by its sensor. */
public record DenseConfig(boolean enabled) {
}
