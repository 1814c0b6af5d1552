/**
 * The {@code vigil} command line (picocli): replay, synth and devices here; more subcommands from
 * other modules through {@link dev.vigil.runtime.cli.CommandProvider}. Errors are one line with the
 * thing and the fix; stack traces only with {@code VIGIL_DEBUG=1}.
 */
package dev.vigil.runtime.cli;
