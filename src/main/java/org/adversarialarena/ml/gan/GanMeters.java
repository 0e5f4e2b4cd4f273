package org.adversarialarena.ml.gan;

import java.util.Arrays;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.metrics.FrechetDistance;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the Lab watches a GAN by, all from fixed latent vectors so that change over time is the
 * generator's and not the draw's: a grid of samples, the share of each class the classifier reads in
 * a larger set of samples (the mode-collapse meter) and a Fréchet distance on the classifier's
 * penultimate features, with the real-vs-real distance as its baseline.
 */
public final class GanMeters {

    /** Samples in the grid: two rows of one per class for a conditional GAN. */
    public static final int GRID = 20;
    private static final long GRID_SEED = 20;
    private static final long COVERAGE_SEED = 200;
    private static final long DISTANCE_SEED = 2_000;

    private final ClassifierPool classifier;
    private final Reference reference;
    private final int classCount;
    private final INDArray gridLatents;
    private final int[] gridClasses;
    private final INDArray coverageLatents;
    private final int[] coverageClasses;
    private final INDArray distanceLatents;
    private final int[] distanceClasses;

    /** Real images' features and the real-vs-real distance: costly, so computed once per dataset and shared. */
    public record Reference(INDArray realFeatures, double baseline, int featureLayer) {
    }

    /** Features of {@code samples} held-out real images, and their distance to as many other real images. */
    public static Reference reference(ClassifierPool classifier, ImageSet heldOut, ImageSet other, int samples) {
        int layer = classifier.penultimateLayer();
        INDArray real = features(classifier, rows(heldOut, samples), layer);
        double baseline = FrechetDistance.between(features(classifier, rows(other, samples), layer), real);
        return new Reference(real, baseline, layer);
    }

    /**
     * @param classCount   the dataset's classes
     * @param conditional  whether the GAN is asked for classes (else every sample is asked for class 0)
     * @param coverageSize samples the coverage histogram counts
     */
    public GanMeters(ClassifierPool classifier, Reference reference, int classCount, int latentSize, boolean conditional,
            int coverageSize) {
        this.classifier = classifier;
        this.reference = reference;
        this.classCount = classCount;
        this.gridLatents = Nd4j.randn(GRID_SEED, new long[] {GRID, latentSize});
        this.gridClasses = classes(GRID, classCount, conditional);
        this.coverageLatents = Nd4j.randn(COVERAGE_SEED, new long[] {coverageSize, latentSize});
        this.coverageClasses = classes(coverageSize, classCount, conditional);
        int distanceSize = (int) reference.realFeatures().rows();
        this.distanceLatents = Nd4j.randn(DISTANCE_SEED, new long[] {distanceSize, latentSize});
        this.distanceClasses = classes(distanceSize, classCount, conditional);
    }

    /** The grid's images, row by row, each of 784 values in [0, 1]. */
    public float[][] grid(ConditionalGan gan) {
        return gan.generate(gridLatents, gridClasses).toFloatMatrix();
    }

    /** The share of the coverage samples the classifier reads as each class; they add up to 1. */
    public double[] coverage(ConditionalGan gan) {
        float[][] probabilities = classifier.probabilities(gan.generate(coverageLatents, coverageClasses).toFloatMatrix());
        double[] shares = new double[classCount];
        for (float[] row : probabilities) {
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            shares[best] += 1.0 / probabilities.length;
        }
        return shares;
    }

    /** Classifier-based FID of the generator's samples against the held-out real images. */
    public double frechetDistance(ConditionalGan gan) {
        INDArray fakes = features(classifier, gan.generate(distanceLatents, distanceClasses).toFloatMatrix(),
                reference.featureLayer());
        return FrechetDistance.between(fakes, reference.realFeatures());
    }

    public double baseline() {
        return reference.baseline();
    }

    private static int[] classes(int n, int classCount, boolean conditional) {
        int[] classes = new int[n];
        if (conditional) {
            for (int i = 0; i < n; i++) {
                classes[i] = i % classCount;
            }
        }
        return classes;
    }

    private static INDArray features(ClassifierPool classifier, float[][] images, int layer) {
        int batch = 250;
        INDArray all = null;
        for (int from = 0; from < images.length; from += batch) {
            float[][] part = Arrays.copyOfRange(images, from, Math.min(images.length, from + batch));
            INDArray features = Nd4j.create(classifier.activations(part, layer));
            all = all == null ? features : Nd4j.vstack(all, features);
        }
        return all;
    }

    private static float[][] rows(ImageSet images, int n) {
        float[][] rows = new float[Math.min(n, images.size())][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = images.image(i);
        }
        return rows;
    }
}
