package org.adversarialarena.ml.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Map<ClassifierId, ClassifierId> NEWEST = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ClassifierFiles() {
    }

    /** Writes {@code network} and {@code metrics} into {@code folder} (created if need be); returns the folder. */
    public static Path save(MultiLayerNetwork network, Map<String, Object> metrics, Path folder) {
        try {
            Files.createDirectories(folder);
            ModelSerializer.writeModel(network, folder.resolve(NETWORK).toFile(), false);
            JSON.writeValue(folder.resolve(METRICS).toFile(), metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a classifier to " + folder, e);
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

    /** The newest shipped version of {@code model}, whatever version it names ({@link ShippedVersions}). */
    public static ClassifierId newestShipped(ClassifierId model) {
        return NEWEST.computeIfAbsent(model.withVersion(1), first -> {
            int newest = ShippedVersions.newest(version -> isShipped(first.withVersion(version)));
            if (newest == 0) {
                throw new IllegalArgumentException("No shipped model " + first);
            }
            return first.withVersion(newest);
        });
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
}
