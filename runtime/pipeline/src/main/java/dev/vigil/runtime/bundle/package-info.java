/**
 * The model bundle: one file holding what a deployment runs, lane by lane (the encoder settings, the
 * compiled spiking front end, the wake rules, the dense head) and where it came from; its codec
 * (canonical JSON with a SHA-256, older formats read or refused with a way forward); and the built-in
 * front end expressed as such lanes. See {@code docs/bundle.md}.
 */
package dev.vigil.runtime.bundle;
