package dev.vigil.runtime.dense;

/** The golden dense engine: each layer's own forward pass on the host CPU, two reused buffers. */
public final class CpuDenseDevice implements DenseDevice {
    /** Its id. */
    public static final String ID = "cpu";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "golden int8 engine on the host CPU (energy = CPU-active time x board load-minus-idle power)";
    }

    @Override
    public double joulesPerMac() {
        return 0;
    }

    @Override
    public boolean onHostCpu() {
        return true;
    }

    @Override
    public DenseExecutor load(Int8Model model) {
        Int8Op[] ops = model.layers().toArray(new Int8Op[0]);
        int[] a = new int[model.widest()];
        int[] b = new int[model.widest()];
        return (input, logits) -> {
            int[] x = input;
            int[] out = a;
            for (Int8Op op : ops) {
                op.forward(x, out);
                x = out;
                out = out == a ? b : a;
            }
            System.arraycopy(x, 0, logits, 0, logits.length);
        };
    }
}
