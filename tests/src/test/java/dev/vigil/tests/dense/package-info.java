/** End-to-end tests of the dense stage on features computed on wake: an ONNX model exported from PyTorch in {@code vigil replay}. */
package dev.vigil.tests.dense;
