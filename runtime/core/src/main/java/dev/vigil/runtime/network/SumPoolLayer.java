package dev.vigil.runtime.network;

/**
 * Sum pooling as pure routing: every input event is forwarded, in the same step, to the pooled
 * output(s) whose window holds it, multiplicity kept (no neurons, no weights, no state). Output
 * {@code (c, oy, ox)} sums the inputs {@code (c, oy*stride + dy, ox*stride + dx)}, {@code 0 <= dy, dx < kernel}.
 */
public record SumPoolLayer(String name, FeatureShape input, int kernel, int stride) implements Layer {

    public SumPoolLayer {
        if (kernel <= 0 || stride <= 0 || kernel > input.height() || kernel > input.width()) {
            throw new IllegalArgumentException("layer '" + name + "': pooling kernel " + kernel + " and stride "
                    + stride + " do not fit " + input);
        }
    }

    /** Shape of the pooled maps. */
    public FeatureShape output() {
        return new FeatureShape(input.channels(), (input.height() - kernel) / stride + 1,
                (input.width() - kernel) / stride + 1);
    }

    @Override
    public int inputs() {
        return input.size();
    }

    @Override
    public int neurons() {
        return output().size();
    }

    @Override
    public long synapses() {
        return 0;
    }

    @Override
    public NeuronModel neuron() {
        return Relay.INSTANCE;
    }

    @Override
    public SumPoolLayer withNeuron(NeuronModel model) {
        return this;
    }

    @Override
    public String kind() {
        return "sumpool2d";
    }

    @Override
    public void fanOut(int in, SynapseVisitor visitor) {
        int h = input.height();
        int w = input.width();
        int c = in / (h * w);
        int iy = in / w % h;
        int ix = in % w;
        FeatureShape out = output();
        int oyLast = Math.min(out.height() - 1, iy / stride);
        int oxLast = Math.min(out.width() - 1, ix / stride);
        for (int oy = Math.max(0, Math.ceilDiv(iy - kernel + 1, stride)); oy <= oyLast; oy++) {
            for (int ox = Math.max(0, Math.ceilDiv(ix - kernel + 1, stride)); ox <= oxLast; ox++) {
                visitor.synapse(out.index(c, oy, ox), 1);
            }
        }
    }

    @Override
    public int maxAbsWeight() {
        return 0;
    }

    @Override
    public int maxFanIn() {
        return kernel * kernel;
    }
}
