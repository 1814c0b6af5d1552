package dev.vigil.runtime.nir;

import dev.vigil.runtime.network.FeatureShape;

/** Shape arithmetic shared by the importer's pooling nodes. */
final class ConvLayerShapes {

    private ConvLayerShapes() {
    }

    static FeatureShape pooled(FeatureShape in, int kernel, int stride) {
        return new FeatureShape(in.channels(), (in.height() - kernel) / stride + 1, (in.width() - kernel) / stride + 1);
    }
}
