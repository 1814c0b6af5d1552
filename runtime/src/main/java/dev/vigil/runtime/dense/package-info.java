/**
 * The dense stage: a small int8 multi-layer perceptron (golden CPU engine) that runs only when the
 * wake policy fires, on the window's spike counts, and labels what happened.
 */
package dev.vigil.runtime.dense;
