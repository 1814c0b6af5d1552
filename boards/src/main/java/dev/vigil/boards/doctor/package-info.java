/**
 * {@code vigil doctor}: checks that this host can run Vigil (Java, board, buses, groups, config,
 * model bundle, broker) and prints each check with a fix hint; the exit code is the number of
 * failed checks.
 */
package dev.vigil.boards.doctor;
