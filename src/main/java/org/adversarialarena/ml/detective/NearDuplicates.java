package org.adversarialarena.ml.detective;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.image.ImagePixels;

/**
 * Finds the real image nearest to a submission in pixel space (root-mean-square distance), so a copy
 * of a dataset image (or one with a few pixels changed) is refused as a forgery.
 *
 * <p>Searching 70,000 Fashion-MNIST images pixel by pixel per submission would cost ~50 M operations;
 * instead every real image is summarised by its 7×7 block means (49 numbers) once. Since the squared
 * distance of two images is at least 16 × the squared distance of their block means (the mean of
 * squares is at least the square of the mean, per 4×4 block), an image whose summary is already
 * farther than the threshold cannot be a duplicate: only the few survivors are compared in full.
 * The search is exact, not approximate. Before any summary, the images are sorted by their mean
 * brightness: the RMS distance of two images is at least the difference of their means, so only the
 * images whose mean lies within the search radius of the submission's are looked at. The block means
 * are compared in order of how much they vary across the indexed images, so a summary comparison
 * usually stops after a block or two: in the natural order it first summed the empty border blocks,
 * which tell no two digits apart.
 *
 * <p>A copy moved by a pixel or two is still a copy: RMS distance alone let a real test image shifted
 * one pixel score as a forgery, so {@link #requireOriginal} also compares the submission moved by up
 * to {@value #MAX_SHIFT} pixels each way (25 searches; the summary bound keeps each one cheap).
 */
public final class NearDuplicates {

    /**
     * RMS pixel distance below which an image counts as a copy. Measured on the shipped data: the
     * nearest training image of a held-out MNIST digit is 0.05–0.4 away (mean 0.17), of a generator
     * sample 0.07–0.4 (Fashion-MNIST: 0.06 and 0.12 at least), of a hand-drawn 7 0.24; an exact
     * copy is 0, and a copy with two pixels flipped 0.05.
     */
    public static final double DEFAULT_THRESHOLD = 0.05;

    /** Moves of a submission, in pixels each way, under which a copy is still recognised. */
    public static final int MAX_SHIFT = 2;

    private static final int BLOCK = 4;
    private static final int BLOCKS_PER_SIDE = ImagePixels.SIDE / BLOCK;
    private static final int SUMMARY = BLOCKS_PER_SIDE * BLOCKS_PER_SIDE;

    private final ImageSet[] sets;
    /** Per set, its images' indices by increasing mean brightness. */
    private final int[][] byMean;
    /** Per set, its images' mean brightness, in {@link #byMean} order. */
    private final float[][] means;
    /** Per set, every image's block means, in {@link #blockOrder}, the images in {@link #byMean} order. */
    private final float[][] summaries;
    /** The blocks, most varying first. */
    private final int[] blockOrder;
    private final double threshold;

    /** Indexes every image of {@code sets} (e.g. a dataset's training and test images). */
    public NearDuplicates(double threshold, ImageSet... sets) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("The threshold is an RMS pixel distance in (0, 1), was " + threshold);
        }
        this.threshold = threshold;
        this.sets = sets.clone();
        float[][] natural = new float[sets.length][];
        for (int s = 0; s < sets.length; s++) {
            float[] all = new float[sets[s].size() * SUMMARY];
            for (int i = 0; i < sets[s].size(); i++) {
                System.arraycopy(naturalSummary(sets[s].image(i)), 0, all, i * SUMMARY, SUMMARY);
            }
            natural[s] = all;
        }
        this.blockOrder = mostVaryingFirst(natural);
        this.byMean = new int[sets.length][];
        this.means = new float[sets.length][];
        this.summaries = new float[sets.length][];
        for (int s = 0; s < sets.length; s++) {
            float[] all = natural[s];
            int n = sets[s].size();
            float[] mean = new float[n];
            for (int i = 0; i < n; i++) {
                mean[i] = meanOf(all, i * SUMMARY);
            }
            byMean[s] = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> mean[i]))
                    .mapToInt(Integer::intValue).toArray();
            means[s] = new float[n];
            summaries[s] = new float[all.length];
            for (int rank = 0; rank < n; rank++) {
                int image = byMean[s][rank];
                means[s][rank] = mean[image];
                for (int k = 0; k < SUMMARY; k++) {
                    summaries[s][rank * SUMMARY + k] = all[image * SUMMARY + blockOrder[k]];
                }
            }
        }
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Throws {@link NearDuplicateException} if {@code image}, as it is or moved by up to
     * {@value #MAX_SHIFT} pixels in each direction, is within the threshold of a real image.
     */
    public void requireOriginal(float[] image) {
        float[] pixels = ImagePixels.requireValid(image);
        double nearest = threshold;
        for (int down = -MAX_SHIFT; down <= MAX_SHIFT; down++) {
            for (int right = -MAX_SHIFT; right <= MAX_SHIFT; right++) {
                nearest = Math.min(nearest, nearestDistance(shifted(pixels, down, right), nearest));
            }
        }
        if (nearest < threshold) {
            throw new NearDuplicateException(nearest, threshold);
        }
    }

    /** The image moved {@code down} rows and {@code right} columns: {@link ImagePixels#shifted}. */
    public static float[] shifted(float[] image, int down, int right) {
        return ImagePixels.shifted(image, down, right);
    }

    /**
     * The RMS distance to the nearest indexed image if it is below {@code searchRadius}; otherwise some
     * value of at least {@code searchRadius} (the search stops caring beyond it).
     */
    public double nearestDistance(float[] image, double searchRadius) {
        float[] pixels = ImagePixels.requireValid(image);
        float[] query = summary(pixels);
        double radiusSquared = searchRadius * searchRadius * ImagePixels.COUNT;
        double summaryBound = radiusSquared / (BLOCK * BLOCK);
        double best = Double.POSITIVE_INFINITY;
        double queryMean = meanOf(query, 0);
        // A margin for the means' rounding: the window may only be wider than the bound, never narrower.
        double window = searchRadius + 1e-6;
        for (int s = 0; s < sets.length; s++) {
            float[] all = summaries[s];
            float[] sorted = means[s];
            for (int rank = firstAtLeast(sorted, queryMean - window); rank < sorted.length
                    && sorted[rank] <= queryMean + window; rank++) {
                if (summaryDistance(query, all, rank * SUMMARY, Math.min(summaryBound, best / (BLOCK * BLOCK))) < Double.POSITIVE_INFINITY) {
                    best = Math.min(best, squaredDistance(pixels, sets[s].image(byMean[s][rank])));
                }
            }
        }
        return best == Double.POSITIVE_INFINITY ? searchRadius : Math.sqrt(best / ImagePixels.COUNT);
    }

    /** The mean of the {@value #SUMMARY} block means from {@code offset}: the image's mean brightness. */
    private static float meanOf(float[] summaries, int offset) {
        double sum = 0;
        for (int k = 0; k < SUMMARY; k++) {
            sum += summaries[offset + k];
        }
        return (float) (sum / SUMMARY);
    }

    /** The first position in {@code sorted} holding at least {@code value} ({@code sorted.length} if none). */
    private static int firstAtLeast(float[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The squared summary distance, or infinity as soon as it exceeds {@code bound}. */
    private static double summaryDistance(float[] query, float[] all, int offset, double bound) {
        double sum = 0;
        for (int k = 0; k < SUMMARY; k++) {
            double d = query[k] - all[offset + k];
            sum += d * d;
            if (sum > bound) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return sum;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int p = 0; p < a.length; p++) {
            double d = a[p] - b[p];
            sum += d * d;
        }
        return sum;
    }

    /** The image's block means in {@link #blockOrder}. */
    private float[] summary(float[] image) {
        float[] natural = naturalSummary(image);
        float[] ordered = new float[SUMMARY];
        for (int k = 0; k < SUMMARY; k++) {
            ordered[k] = natural[blockOrder[k]];
        }
        return ordered;
    }

    /** The blocks by decreasing variance of their means across {@code summaries} (natural order within each). */
    private static int[] mostVaryingFirst(float[][] summaries) {
        double[] sum = new double[SUMMARY];
        double[] sumOfSquares = new double[SUMMARY];
        long images = 0;
        for (float[] all : summaries) {
            for (int offset = 0; offset < all.length; offset += SUMMARY) {
                for (int k = 0; k < SUMMARY; k++) {
                    sum[k] += all[offset + k];
                    sumOfSquares[k] += (double) all[offset + k] * all[offset + k];
                }
                images++;
            }
        }
        double[] variance = new double[SUMMARY];
        for (int k = 0; k < SUMMARY; k++) {
            double mean = images == 0 ? 0 : sum[k] / images;
            variance[k] = images == 0 ? 0 : sumOfSquares[k] / images - mean * mean;
        }
        return IntStream.range(0, SUMMARY).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -variance[k]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static float[] naturalSummary(float[] image) {
        float[] means = new float[SUMMARY];
        for (int p = 0; p < ImagePixels.COUNT; p++) {
            int row = p / ImagePixels.SIDE / BLOCK;
            int column = p % ImagePixels.SIDE / BLOCK;
            means[row * BLOCKS_PER_SIDE + column] += image[p] / (BLOCK * BLOCK);
        }
        return means;
    }
}
