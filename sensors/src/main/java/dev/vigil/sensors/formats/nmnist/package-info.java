/** The N-MNIST / N-Caltech101 binary event format: 40-bit events, no header. */
package dev.vigil.sensors.formats.nmnist;
