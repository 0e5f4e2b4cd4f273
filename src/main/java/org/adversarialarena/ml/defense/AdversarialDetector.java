package org.adversarialarena.ml.defense;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.model.ShippedVersions;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.Softmax;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The lecture's "put a network in front": a small CNN that tells real images from adversarial ones,
 * trained on clean test-style images and FGSM/PGD examples of the dataset's plain LeNet (see
 * {@link DetectorTrainer}). Class 0 is real, class 1 adversarial; an image is flagged when its
 * adversarial probability reaches the threshold. Thread-safe; load it once and keep it, since loading
 * reads the network from the classpath.
 */
public final class AdversarialDetector {

    public static final float DEFAULT_THRESHOLD = 0.5f;
    static final int REAL = 0;
    static final int ADVERSARIAL = 1;

    private final DatasetId dataset;
    private final ClassifierPool network;
    private final float threshold;

    public AdversarialDetector(DatasetId dataset, MultiLayerNetwork network, float threshold) {
        if (!(threshold > 0f && threshold < 1f)) {
            throw new IllegalArgumentException("The detection threshold must be in (0, 1), was " + threshold);
        }
        this.dataset = dataset;
        this.network = new ClassifierPool(network, 2);
        this.threshold = threshold;
        if (this.network.classes() != 2) {
            throw new IllegalArgumentException("A detector network answers real or adversarial (2 outputs), this one has "
                    + this.network.classes());
        }
    }

    /** The newest shipped detector of a dataset ({@code /models/<dataset>-detector/vN/}), flagging at p ≥ 0.5. */
    public static AdversarialDetector loadShipped(DatasetId dataset) {
        return loadShipped(dataset, newestShippedVersion(dataset));
    }

    /** One shipped version of a dataset's detector, e.g. to compare it with its successor. */
    public static AdversarialDetector loadShipped(DatasetId dataset, int version) {
        String resource = shippedResource(dataset, version);
        try (InputStream in = AdversarialDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No shipped adversarial detector for " + dataset.slug() + " (" + resource + ")");
            }
            return new AdversarialDetector(dataset,
                    Networks.load(in, false),
                    DEFAULT_THRESHOLD);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** Whether a detector of this dataset ships with the app. */
    public static boolean isShipped(DatasetId dataset) {
        return newestShippedVersion(dataset) > 0;
    }

    /** The highest version of the dataset's detector among the shipped models ({@link ShippedVersions}), 0 if none ships. */
    public static int newestShippedVersion(DatasetId dataset) {
        return ShippedVersions.newest(version -> AdversarialDetector.class.getResource(shippedResource(dataset, version)) != null);
    }

    private static String shippedResource(DatasetId dataset, int version) {
        return "/models/" + folder(dataset, version) + "/network.zip";
    }

    /** Where a detector's files live under a models root, e.g. {@code mnist-detector/v1}. */
    public static String folder(DatasetId dataset, int version) {
        return dataset.slug() + "-detector/v" + version;
    }

    public DatasetId dataset() {
        return dataset;
    }

    public float threshold() {
        return threshold;
    }

    /** The same network flagging at another threshold (e.g. one chosen for a target false-alarm rate). */
    public AdversarialDetector withThreshold(float newThreshold) {
        return network.borrow(n -> new AdversarialDetector(dataset, n.clone(), newThreshold));
    }

    /** The probability that {@code image} is adversarial rather than real. */
    public double adversarialProbability(float[] image) {
        return adversarialProbabilities(new float[][] {image})[0];
    }

    public float[] adversarialProbabilities(float[][] images) {
        float[][] logits = network.logits(images);
        float[] p = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            p[i] = Softmax.of(logits[i])[ADVERSARIAL];
        }
        return p;
    }

    public boolean flags(float[] image) {
        return adversarialProbability(image) >= threshold;
    }

    /** The detector's network (logits for real, adversarial), for attacks that must get past it. */
    public DifferentiableClassifier network() {
        return network;
    }
}
