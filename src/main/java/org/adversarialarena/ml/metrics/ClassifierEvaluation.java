package org.adversarialarena.ml.metrics;

import org.adversarialarena.ml.data.ImageSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Measures a classifier on a held-out set. */
public final class ClassifierEvaluation {

    /** Evaluating in batches bounds memory: 10,000 images at once once peaked at 3 GB here. */
    private static final int BATCH = 500;

    private ClassifierEvaluation() {
    }

    public static ConfusionMatrix evaluate(MultiLayerNetwork network, ImageSet images) {
        ConfusionMatrix confusion = new ConfusionMatrix(images.dataset().classCount());
        for (int from = 0; from < images.size(); from += BATCH) {
            ImageSet batch = images.subset(from, Math.min(images.size(), from + BATCH));
            INDArray predicted = network.output(batch.features(), false).argMax(1);
            for (int i = 0; i < batch.size(); i++) {
                confusion.add(batch.label(i), predicted.getInt(i));
            }
        }
        return confusion;
    }
}
