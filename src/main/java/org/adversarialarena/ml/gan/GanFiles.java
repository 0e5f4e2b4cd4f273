package org.adversarialarena.ml.gan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.model.ShippedVersions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GAN's files: {@code generator.zip}, {@code discriminator.zip} (with its updater state, so the
 * live detective can keep learning from where training stopped) and {@code metrics.json}. Shipped
 * GANs live on the classpath under {@code /models/<dataset>-cgan/v<version>/}.
 */
public final class GanFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private GanFiles() {
    }

    public static void save(ConditionalGan gan, GanTrainingOptions options, double trainingSeconds, Path folder) {
        try {
            Files.createDirectories(folder);
            ModelSerializer.writeModel(gan.generator(), folder.resolve("generator.zip").toFile(), false);
            ModelSerializer.writeModel(gan.discriminator(), folder.resolve("discriminator.zip").toFile(), true);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("dataset", gan.dataset().slug());
            metrics.put("architecture", options.architecture().name());
            metrics.put("loss", options.loss().name());
            metrics.put("discriminatorSteps", options.discriminatorSteps());
            metrics.put("generatorLearningRate", options.generatorLearningRate());
            metrics.put("discriminatorLearningRate", options.discriminatorLearningRate());
            metrics.put("realLabel", options.realLabel());
            metrics.put("batchSize", options.batchSize());
            metrics.put("iterations", options.iterations());
            metrics.put("seed", options.seed());
            metrics.put("trainingSeconds", trainingSeconds);
            metrics.put("trainedAt", Instant.now().toString());
            JSON.writeValue(folder.resolve("metrics.json").toFile(), metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the GAN to " + folder, e);
        }
    }

    /** Adds measured quality figures to a saved GAN's {@code metrics.json}. */
    public static void addMetrics(Path folder, Map<String, Object> figures) {
        org.adversarialarena.ml.model.MetricsFiles.add(folder, figures);
    }

    /**
     * The newest shipped version of a dataset's GAN ({@link ShippedVersions}): the pair Forge plays with;
     * Judge ranks every version.
     */
    public static int newestShippedVersion(DatasetId dataset) {
        int newest = ShippedVersions.newest(version -> GanFiles.class.getResource(folder(dataset, version) + "metrics.json") != null);
        if (newest == 0) {
            throw new IllegalStateException("No shipped GAN of " + dataset.slug());
        }
        return newest;
    }

    private static String folder(DatasetId dataset, int version) {
        return "/models/" + dataset.slug() + "-cgan/v" + version + "/";
    }

    public static ConditionalGan loadShipped(DatasetId dataset, int version) {
        String folder = folder(dataset, version);
        return load(dataset, file -> resource(folder + file), folder);
    }

    /** A GAN saved by {@link #save} in {@code folder}. */
    public static ConditionalGan load(DatasetId dataset, Path folder) {
        return load(dataset, file -> Files.newInputStream(folder.resolve(file)), folder.toString());
    }

    private interface FileOpener {
        InputStream open(String file) throws IOException;
    }

    private static ConditionalGan load(DatasetId dataset, FileOpener files, String where) {
        try (InputStream g = files.open("generator.zip"); InputStream d = files.open("discriminator.zip");
                InputStream m = files.open("metrics.json")) {
            MultiLayerNetwork generator = Networks.loadWithoutForwardCache(g, false);
            MultiLayerNetwork discriminator = Networks.loadWithoutForwardCache(d, true);
            JsonNode metrics = JSON.readTree(m);
            return new ConditionalGan(dataset, GanLoss.valueOf(metrics.get("loss").asString()), generator, discriminator);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the GAN in " + where, e);
        }
    }

    public static JsonNode shippedMetrics(DatasetId dataset, int version) {
        try (InputStream m = resource(folder(dataset, version) + "metrics.json")) {
            return JSON.readTree(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = GanFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("No shipped GAN file " + name);
        }
        return in;
    }
}
