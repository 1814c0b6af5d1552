/**
 * The ONNX dense device: ONNX models (exported from PyTorch, TensorFlow and others) run by ONNX
 * Runtime on the host CPU as the dense stage, selected with {@code dense.device: onnx}. It lives in
 * its own module, {@code vigil-onnx}, shipped as an optional package per architecture, because ONNX
 * Runtime's native library is 14–17 MB per platform (docs/dense.md).
 */
package dev.vigil.drivers.onnx;
