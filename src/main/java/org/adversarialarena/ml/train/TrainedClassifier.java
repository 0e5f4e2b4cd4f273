package org.adversarialarena.ml.train;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.metrics.ConfusionMatrix;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The outcome of a training run: the network, how it does on the held-out test set, and what it took. */
public record TrainedClassifier(ClassifierId id, MultiLayerNetwork network, ConfusionMatrix testConfusion,
        ClassifierTrainingPlan plan, int trainImages, Duration trainingTime) {

    public double imagesPerSecond() {
        return (double) trainImages * plan.epochs() / Math.max(1e-3, trainingTime.toMillis() / 1000.0);
    }

    /**
     * Writes the network and {@code metrics.json} (what it measured and how it was trained) under
     * {@code root/<name>/v<version>/}; returns that folder.
     */
    public Path save(Path root) {
        return ClassifierFiles.save(network, metrics(), root.resolve(id.folder()));
    }

    private Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", id().name());
        metrics.put("version", id().version());
        metrics.put("dataset", id().dataset().slug());
        metrics.put("architecture", id().architecture().slug());
        metrics.put("trainingMethod", id().method().name().toLowerCase(java.util.Locale.ROOT));
        metrics.put("testAccuracy", testConfusion().accuracy());
        metrics.put("perClassAccuracy", Arrays.stream(testConfusion().perClassAccuracy()).boxed().toList());
        metrics.put("confusion", testConfusion().counts());
        metrics.put("classNames", id().dataset().classNames());
        metrics.put("trainImages", trainImages());
        metrics.put("testImages", testConfusion().total());
        metrics.put("epochs", plan().epochs());
        metrics.put("batchSize", plan().batchSize());
        metrics.put("learningRate", plan().learningRate());
        metrics.put("learningRateDecayPerEpoch", plan().learningRateDecay());
        metrics.put("maxShift", plan().maxShift());
        metrics.put("seed", plan().seed());
        metrics.put("parameters", network().numParams());
        metrics.put("trainingSeconds", trainingTime().toMillis() / 1000.0);
        metrics.put("trainingImagesPerSecond", imagesPerSecond());
        metrics.put("trainedAt", Instant.now().toString());
        metrics.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch")
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        return metrics;
    }
}
