/**
 * NIR (Neuromorphic Intermediate Representation) import: reading NIR graphs from HDF5 with a pure-Java
 * reader and turning them into chains of floating-point layers for the quantiser.
 */
package dev.vigil.runtime.nir;
