/**
 * How Vigil finds the providers modules contribute (HAL and dense devices, live sources, subcommands,
 * sinks, the Pi4J context): one lookup with one rule, by id, else the best-ranked, with built-in
 * defaults first, and one error shape.
 */
package dev.vigil.runtime.provider;
