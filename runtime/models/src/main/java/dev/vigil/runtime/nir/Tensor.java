package dev.vigil.runtime.nir;

import java.util.Arrays;

/**
 * A NIR parameter: values flattened row-major with their shape (empty shape for a scalar).
 *
 * @param shape dimensions
 * @param data  values, {@code product(shape)} of them
 */
public record Tensor(int[] shape, double[] data) {

    public Tensor {
        shape = shape.clone();
        data = data.clone();
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " holds " + data.length
                    + " values");
        }
    }

    /** A scalar. */
    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[] {value});
    }

    /** A vector. */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values);
    }

    /** A matrix {@code rows x cols} from row-major values. */
    public static Tensor matrix(int rows, int cols, double... values) {
        return new Tensor(new int[] {rows, cols}, values);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** Value {@code i} of the flattened data. */
    public double get(int i) {
        return data[i];
    }

    /** Value {@code i}, or the only value when this is a scalar or a one-element tensor (NumPy broadcasting). */
    public double broadcast(int i) {
        return data.length == 1 ? data[0] : data[i];
    }

    /**
     * The values broadcast to {@code target} as NumPy does (trailing axes aligned, size-1 axes repeated),
     * flattened row-major; also one value per channel ({@code [C]}) for a {@code [C, ...]} target, as
     * some exporters write per-channel parameters.
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public double[] broadcastTo(int[] target) {
        int n = 1;
        for (int d : target) {
            n *= d;
        }
        double[] out = new double[n];
        if (data.length == 1) {
            Arrays.fill(out, data[0]);
            return out;
        }
        if (data.length == n) {
            return data.clone();
        }
        if (target.length > 1 && data.length == target[0] && (shape.length == 1 || shape[0] == target[0])) {
            int per = n / target[0];
            for (int i = 0; i < n; i++) {
                out[i] = data[i / per];
            }
            return out;
        }
        int offset = target.length - shape.length;
        boolean fits = offset >= 0;
        for (int d = 0; fits && d < shape.length; d++) {
            fits = shape[d] == 1 || shape[d] == target[offset + d];
        }
        if (!fits) {
            throw new IllegalArgumentException("of shape " + Arrays.toString(shape) + " does not fit the layer's shape "
                    + Arrays.toString(target));
        }
        int[] index = new int[target.length];
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < shape.length; d++) {
                src = src * shape[d] + (shape[d] == 1 ? 0 : index[offset + d]);
            }
            out[i] = data[src];
            for (int d = target.length - 1; d >= 0 && ++index[d] == target[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    /** Dimension {@code d}. */
    public int dim(int d) {
        return shape[d];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The values as ints, refusing any that is not integral. */
    public int[] ints(String what) {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i] != Math.rint(data[i])) {
                throw new IllegalArgumentException(what + " must be integers, got " + data[i]);
            }
            out[i] = (int) data[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
