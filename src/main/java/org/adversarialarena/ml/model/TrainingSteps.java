package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.api.Layer;
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
public final class TrainingSteps {

    /** The first layer's weights of the network the current thread is fitting, or null outside {@link #fit}. */
    private static final ThreadLocal<INDArray> FIRST_LAYER_WEIGHTS = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> IN_STEP = ThreadLocal.withInitial(() -> false);

    private TrainingSteps() {
    }

    public static void fit(MultiLayerNetwork network, DataSet batch) {
        boolean outer = IN_STEP.get();
        INDArray outerWeights = FIRST_LAYER_WEIGHTS.get();
        IN_STEP.set(true);
        FIRST_LAYER_WEIGHTS.set(firstLayerWeights(network));
        try {
            network.fit(batch);
        } finally {
            IN_STEP.set(outer);
            FIRST_LAYER_WEIGHTS.set(outerWeights);
        }
    }

    /** Whether the current thread is inside {@link #fit}, where nothing reads the input's gradient. */
    static boolean inputGradientUnused() {
        return IN_STEP.get();
    }

    /**
     * Whether {@code matrix} is the weight matrix of the first layer of the network being fitted on
     * this thread. A dense layer multiplies its own weights from the left only to get the gradient
     * with respect to its input, so for the first layer that product is the unused input gradient.
     */
    static boolean isUnusedFirstLayerProduct(INDArray matrix) {
        INDArray weights = FIRST_LAYER_WEIGHTS.get();
        return weights != null && weights.rank() == 2 && matrix.data() == weights.data()
                && matrix.offset() == weights.offset() && matrix.equalShapes(weights)
                && java.util.Arrays.equals(matrix.stride(), weights.stride());
    }

    private static INDArray firstLayerWeights(MultiLayerNetwork network) {
        Layer first = network.getLayer(0);
        return first.paramTable().get("W");
    }
}
