package org.adversarialarena.ml.train;

import java.time.Duration;
import org.adversarialarena.ml.metrics.ConfusionMatrix;
import org.adversarialarena.ml.model.ClassifierId;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The outcome of a training run: the network, how it does on the held-out test set, and what it took. */
public record TrainedClassifier(ClassifierId id, MultiLayerNetwork network, ConfusionMatrix testConfusion,
        ClassifierTrainingPlan plan, int trainImages, Duration trainingTime) {

    public double imagesPerSecond() {
        return (double) trainImages * plan.epochs() / Math.max(1e-3, trainingTime.toMillis() / 1000.0);
    }
}
