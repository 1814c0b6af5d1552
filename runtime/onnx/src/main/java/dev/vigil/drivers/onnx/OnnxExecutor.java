package dev.vigil.drivers.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.runtime.dense.FloatExecutor;
import org.tinylog.Logger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX model in an ONNX Runtime session. The input and output tensors are created once over
 * direct buffers (the output pinned), so a run copies the features in and the scores out and
 * allocates only the runtime's small result handle.
 */
final class OnnxExecutor implements FloatExecutor {
    private final String name;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final FloatBuffer in;
    private final FloatBuffer out;
    private final OnnxTensor inTensor;
    private final OnnxTensor outTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final int inputSize;
    private final int labels;

    private OnnxExecutor(ExternalModel model, OrtEnvironment env, OrtSession.SessionOptions options, OrtSession session,
                         String inputName, String outputName, long[] outputShape) throws OrtException {
        this.name = model.name();
        this.options = options;
        this.session = session;
        this.inputSize = model.inputSize();
        this.labels = model.labels().size();
        in = direct(inputSize);
        out = direct(labels);
        inTensor = OnnxTensor.createTensor(env, in, model.inputShape().stream().mapToLong(Integer::longValue).toArray());
        outTensor = OnnxTensor.createTensor(env, out, outputShape);
        inputs = Map.of(inputName, inTensor);
        outputs = Map.of(outputName, outTensor);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * Opens {@code model}'s file and checks it against {@code model}.
     *
     * @throws IllegalArgumentException in one line naming the file and the mismatch
     * @throws IllegalStateException    when ONNX Runtime has no native library for this machine
     */
    static OnnxExecutor open(ExternalModel model) {
        String file = model.file().toString();
        if (!Files.isRegularFile(model.file())) {
            throw new IllegalArgumentException(file + ": ONNX model file not found");
        }
        OrtEnvironment env = environment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            try {
                session = env.createSession(file, options);
            } catch (OrtException e) {
                throw new IllegalArgumentException(file + ": not an ONNX model ONNX Runtime can load (" + firstLine(e) + ")");
            }
            String input = pick(file, "input", model.input(), session.getInputInfo());
            if (session.getNumInputs() != 1) {
                throw new IllegalArgumentException(file + ": the model takes " + session.getNumInputs() + " inputs "
                        + session.getInputNames() + ", the dense stage feeds one");
            }
            TensorInfo inInfo = floatTensor(file, "input", input, session.getInputInfo().get(input));
            long[] declared = model.inputShape().stream().mapToLong(Integer::longValue).toArray();
            if (!fits(inInfo.getShape(), declared)) {
                throw new IllegalArgumentException(file + ": input '" + input + "' has shape " + Arrays.toString(inInfo.getShape())
                        + " in the model, the lane feeds " + Arrays.toString(declared));
            }
            String output = pick(file, "output", model.output(), session.getOutputInfo());
            TensorInfo outInfo = floatTensor(file, "output", output, session.getOutputInfo().get(output));
            long[] outShape = Arrays.stream(outInfo.getShape()).map(d -> d < 0 ? 1 : d).toArray();
            long values = Arrays.stream(outShape).reduce(1, Math::multiplyExact);
            if (values != model.labels().size()) {
                throw new IllegalArgumentException(file + ": output '" + output + "' gives " + values + " values "
                        + Arrays.toString(outInfo.getShape()) + ", the model declares " + model.labels().size() + " labels "
                        + model.labels());
            }
            OnnxExecutor e = new OnnxExecutor(model, env, options, session, input, output, outShape);
            Logger.info("ONNX model {} loaded from {}: input '{}' {}, output '{}' -> {}", model.name(), file, input,
                    Arrays.toString(declared), output, model.labels());
            return e;
        } catch (OrtException e) {
            close(session, options);
            throw new IllegalArgumentException(file + ": ONNX Runtime cannot read the model's tensors (" + firstLine(e) + ")");
        } catch (RuntimeException e) {
            close(session, options);
            throw e;
        }
    }

    private static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("ONNX Runtime cannot start on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (the vigil-onnx packages hold linux-x64 or linux-aarch64): " + why);
        }
    }

    private static void close(OrtSession session, OrtSession.SessionOptions options) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException ignored) {
            Logger.debug("closing a refused ONNX session failed");
        }
        options.close();
    }

    /** The tensor named {@code wanted}, or the only one when {@code wanted} is empty. */
    private static String pick(String file, String what, String wanted, Map<String, NodeInfo> tensors) {
        if (wanted.isEmpty()) {
            if (tensors.size() != 1) {
                throw new IllegalArgumentException(file + ": the model has " + tensors.size() + " " + what + "s "
                        + tensors.keySet() + ": name the one the dense stage " + (what.equals("input") ? "feeds" : "reads"));
            }
            return tensors.keySet().iterator().next();
        }
        if (!tensors.containsKey(wanted)) {
            throw new IllegalArgumentException(file + ": the model has no " + what + " '" + wanted + "' (" + what + "s: "
                    + tensors.keySet() + ")");
        }
        return wanted;
    }

    private static TensorInfo floatTensor(String file, String what, String name, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new IllegalArgumentException(file + ": " + what + " '" + name + "' is not a tensor (" + node.getInfo() + ")");
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(file + ": " + what + " '" + name + "' holds " + t.type
                    + ", the dense stage exchanges FLOAT (32-bit) tensors");
        }
        return t;
    }

    /** True when {@code declared} matches {@code model}, whose dimensions may be free (negative). */
    private static boolean fits(long[] model, long[] declared) {
        if (model.length != declared.length) {
            return false;
        }
        for (int i = 0; i < model.length; i++) {
            if (model[i] >= 0 && model[i] != declared[i]) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(OrtException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void run(float[] input, float[] scores) {
        if (input.length < inputSize || scores.length < labels) {
            throw new IllegalArgumentException("ONNX model '" + name + "' takes " + inputSize + " inputs and gives " + labels
                    + " scores, got arrays of " + input.length + " and " + scores.length);
        }
        in.clear();
        in.put(input, 0, inputSize);
        try (OrtSession.Result ignored = session.run(inputs, outputs)) {
            out.clear();
            out.get(scores, 0, labels);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX model '" + name + "': ONNX Runtime failed: " + firstLine(e));
        }
    }

    @Override
    public void close() {
        inTensor.close();
        outTensor.close();
        close(session, options);
    }
}
