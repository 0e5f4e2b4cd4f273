package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * One training step of a network, run so that its first convolution skips the gradient with respect
 * to the network's input: DL4J computes it in every step and then throws it away, and for a first
 * layer with one input channel it was the most expensive convolution of a LeNet step
 * (docs/benchmarks.md). Everything else is DL4J's own {@code fit}.
 */
public final class TrainingSteps {

    private static final ThreadLocal<Boolean> IN_STEP = ThreadLocal.withInitial(() -> false);

    private TrainingSteps() {
    }

    public static void fit(MultiLayerNetwork network, DataSet batch) {
        boolean outer = IN_STEP.get();
        IN_STEP.set(true);
        try {
            network.fit(batch);
        } finally {
            IN_STEP.set(outer);
        }
    }

    /** Whether the current thread is inside {@link #fit}, where nothing reads the input's gradient. */
    static boolean inputGradientUnused() {
        return IN_STEP.get();
    }
}
