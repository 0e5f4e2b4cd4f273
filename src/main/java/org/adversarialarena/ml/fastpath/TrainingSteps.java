package org.adversarialarena.ml.fastpath;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * One training step of a network, run so that its first layer skips the gradient with respect to
 * the network's input: DL4J computes it in every step and then throws it away. For LeNet's first
 * convolution (one input channel) it was the most expensive convolution of a step; for the GAN
 * discriminator's first dense layer it is a 128×512×784 matrix product per step
 * (docs/benchmarks.md). Everything else is DL4J's own {@code fit}.
 */
final class TrainingSteps {

    /** The first layer's weights of the network the current thread is fitting, or null outside {@link #fit}. */
    private static final ThreadLocal<INDArray> FIRST_LAYER_WEIGHTS = new ThreadLocal<>();

    private TrainingSteps() {
    }

    static void fit(MultiLayerNetwork network, DataSet batch) {
        INDArray outer = FIRST_LAYER_WEIGHTS.get();
        FIRST_LAYER_WEIGHTS.set(network.getLayer(0).paramTable().get("W"));
        try {
            network.fit(batch);
        } finally {
            FIRST_LAYER_WEIGHTS.set(outer);
        }
    }

    /**
     * Whether {@code weights} are the first layer's of the network being fitted on this thread, so
     * that the gradient with respect to that layer's input — the network's input — goes unread. A
     * convolution helper asks with its weights; {@link OneDnnGemm} with the left operand of a product,
     * because a dense layer multiplies its own weights from the left only for its input gradient.
     */
    static boolean isFirstLayerInStep(INDArray weights) {
        INDArray first = FIRST_LAYER_WEIGHTS.get();
        return first != null && weights.data() == first.data() && weights.offset() == first.offset()
                && weights.equalShapes(first) && Arrays.equals(weights.stride(), first.stride());
    }
}
