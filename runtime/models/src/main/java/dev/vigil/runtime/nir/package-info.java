/**
 * NIR (Neuromorphic Intermediate Representation): reading and writing NIR graphs in HDF5 with jHDF
 * (pure Java), flattening nested graphs, and turning a graph into a chain of floating-point layers for
 * the quantiser.
 */
package dev.vigil.runtime.nir;
