package org.adversarialarena.ml.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.train.TrainedClassifier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of a trained classifier: {@code network.zip} (DL4J's format, without the updater state,
 * which only further training would need) and {@code metrics.json} (what it measured and how it was
 * trained). Shipped models live on the classpath under {@code /models/<name>/v<version>/}.
 */
public final class ClassifierFiles {

    public static final String NETWORK = "network.zip";
    public static final String METRICS = "metrics.json";
    private static final String ROOT = "/models/";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ClassifierFiles() {
    }

    /** Writes the network and its metrics under {@code root/<name>/v<version>/}; returns that folder. */
    public static Path save(TrainedClassifier trained, Path root) {
        Path folder = root.resolve(trained.id().folder());
        try {
            Files.createDirectories(folder);
            ModelSerializer.writeModel(trained.network(), folder.resolve(NETWORK).toFile(), false);
            JSON.writeValue(folder.resolve(METRICS).toFile(), metrics(trained));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + trained.id() + " to " + folder, e);
        }
        return folder;
    }

    /** Loads a shipped network; fails with a message naming the model if it is not shipped. */
    public static MultiLayerNetwork loadShipped(ClassifierId id) {
        try (InputStream in = shipped(id, NETWORK)) {
            return Networks.load(in, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped network of " + id, e);
        }
    }

    /** The shipped {@code metrics.json} of a model. */
    public static JsonNode shippedMetrics(ClassifierId id) {
        try (InputStream in = shipped(id, METRICS)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped metrics of " + id, e);
        }
    }

    public static boolean isShipped(ClassifierId id) {
        return ClassifierFiles.class.getResource(ROOT + id.folder() + "/" + NETWORK) != null;
    }

    private static InputStream shipped(ClassifierId id, String file) {
        InputStream in = ClassifierFiles.class.getResourceAsStream(ROOT + id.folder() + "/" + file);
        if (in == null) {
            throw new IllegalArgumentException("No shipped model " + id + " (" + ROOT + id.folder() + "/" + file + ")");
        }
        return in;
    }

    private static Map<String, Object> metrics(TrainedClassifier trained) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", trained.id().name());
        metrics.put("version", trained.id().version());
        metrics.put("dataset", trained.id().dataset().slug());
        metrics.put("architecture", trained.id().architecture().slug());
        metrics.put("trainingMethod", trained.id().method().name().toLowerCase(java.util.Locale.ROOT));
        metrics.put("testAccuracy", trained.testConfusion().accuracy());
        metrics.put("perClassAccuracy", Arrays.stream(trained.testConfusion().perClassAccuracy()).boxed().toList());
        metrics.put("confusion", trained.testConfusion().counts());
        metrics.put("classNames", trained.id().dataset().classNames());
        metrics.put("trainImages", trained.trainImages());
        metrics.put("testImages", trained.testConfusion().total());
        metrics.put("epochs", trained.plan().epochs());
        metrics.put("batchSize", trained.plan().batchSize());
        metrics.put("learningRate", trained.plan().learningRate());
        metrics.put("learningRateDecayPerEpoch", trained.plan().learningRateDecay());
        metrics.put("maxShift", trained.plan().maxShift());
        metrics.put("seed", trained.plan().seed());
        metrics.put("parameters", trained.network().numParams());
        metrics.put("trainingSeconds", trained.trainingTime().toMillis() / 1000.0);
        metrics.put("trainingImagesPerSecond", trained.imagesPerSecond());
        metrics.put("trainedAt", Instant.now().toString());
        metrics.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch")
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        return metrics;
    }
}
