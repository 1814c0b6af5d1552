/**
 * The live page of {@code vigil run} and {@code vigil replay --http}: the JDK's HTTP server, server-sent
 * events fed through bounded queues so that no page can slow the sensing loop, and a token beyond loopback.
 */
package dev.vigil.runtime.cli.live;
