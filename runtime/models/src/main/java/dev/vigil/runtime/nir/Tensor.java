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
