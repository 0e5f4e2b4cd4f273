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
 * penultimate features, with the real-vs-real distance as its baseline; at the end of a run, a strip
 * of images between two fixed latent vectors.
 */
public final class GanMeters {

    /** Samples in the grid: two rows of one per class for a conditional GAN. */
    public static final int GRID = 20;
    private static final long GRID_SEED = 20;
    private static final long COVERAGE_SEED = 200;
    private static final long DISTANCE_SEED = 2_000;
    /** Images in the interpolation strip, both ends included. */
    public static final int INTERPOLATION = 10;
    private static final long INTERPOLATION_FROM_SEED = 31;
    private static final long INTERPOLATION_TO_SEED = 32;

    private final ClassifierPool classifier;
    private final Reference reference;
    private final int classCount;
    private final INDArray gridLatents;
    private final int[] gridClasses;
    private final INDArray coverageLatents;
    private final int[] coverageClasses;
    private final INDArray distanceLatents;
    private final int[] distanceClasses;
    private final INDArray interpolationLatents;

    /** Real images' features and the real-vs-real distance: costly, so computed once per dataset and shared. */
    public record Reference(INDArray realFeatures, double baseline, int featureLayer) {
    }

    /** Features of {@code samples} held-out real images, and their distance to as many other real images. */
    public static Reference reference(ClassifierPool classifier, ImageSet heldOut, ImageSet other, int samples) {
        int layer = classifier.penultimateLayer();
        INDArray real = GanQuality.features(classifier, GanQuality.rows(heldOut, samples), layer);
        double baseline = FrechetDistance.between(GanQuality.features(classifier, GanQuality.rows(other, samples), layer), real);
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
        this.interpolationLatents = interpolationLatents(latentSize);
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

    /**
     * The generator's images along the great circle between two fixed latent vectors (spherical
     * interpolation, {@link LatentSteering#slerp}), all of class 0: a smooth strip shows a latent space
     * the generator has learned to fill; jumps or repeats show regions it has not (or a collapse).
     */
    public float[][] interpolation(ConditionalGan gan) {
        return gan.generate(interpolationLatents, new int[INTERPOLATION]).toFloatMatrix();
    }

    private static INDArray interpolationLatents(int latentSize) {
        float[] from = Nd4j.randn(INTERPOLATION_FROM_SEED, new long[] {latentSize}).toFloatVector();
        float[] to = Nd4j.randn(INTERPOLATION_TO_SEED, new long[] {latentSize}).toFloatVector();
        float[][] strip = new float[INTERPOLATION][];
        for (int i = 0; i < INTERPOLATION; i++) {
            strip[i] = LatentSteering.slerp(from, to, i / (double) (INTERPOLATION - 1));
        }
        return Nd4j.create(strip);
    }

    /** Classifier-based FID of the generator's samples against the held-out real images. */
    public double frechetDistance(ConditionalGan gan) {
        INDArray fakes = GanQuality.features(classifier, gan.generate(distanceLatents, distanceClasses).toFloatMatrix(),
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
}
