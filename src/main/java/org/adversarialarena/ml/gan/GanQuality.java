package org.adversarialarena.ml.gan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.metrics.FrechetDistance;
import org.adversarialarena.ml.metrics.Mean;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How good a conditional GAN's samples are, measured with one of our classifiers:
 * Fréchet distance on its penultimate features (with the real-vs-real baseline beside it), class
 * agreement and coverage (does the generator make every class it is asked for, or has it collapsed
 * onto a few?), and D's mean verdicts on real and generated images.
 */
public final class GanQuality {

    private GanQuality() {
    }

    /**
     * @param classifier  judge; {@code featureLayer} is the index of its penultimate layer
     * @param real        held-out real images (e.g. a test split)
     * @param reference   other real images (e.g. part of the training split), for the baseline
     * @param samples     how many images to compare (per set)
     */
    public static Map<String, Object> measure(ConditionalGan gan, ClassifierPool classifier, int featureLayer,
            ImageSet real, ImageSet reference, int samples, long seed) {
        int n = Math.min(samples, Math.min(real.size(), reference.size()));
        Random random = new Random(seed);
        int classes = gan.dataset().classCount();
        int[] requested = new int[n];
        for (int i = 0; i < n; i++) {
            requested[i] = i % classes;
        }
        INDArray generated = gan.generate(Nd4j.randn(random.nextLong(), new long[] {n, gan.latentSize()}), requested);
        float[][] fakes = generated.toFloatMatrix();
        float[][] reals = rows(real, n);
        float[][] references = rows(reference, n);

        double fid = FrechetDistance.between(features(classifier, fakes, featureLayer), features(classifier, reals, featureLayer));
        double baseline = FrechetDistance.between(features(classifier, references, featureLayer),
                features(classifier, reals, featureLayer));

        int[] predicted = argMaxRows(classifier.probabilities(fakes));
        int[] agreedPerClass = new int[classes];
        int[] askedPerClass = new int[classes];
        boolean[] produced = new boolean[classes];
        for (int i = 0; i < n; i++) {
            askedPerClass[requested[i]]++;
            produced[predicted[i]] = true;
            if (predicted[i] == requested[i]) {
                agreedPerClass[requested[i]]++;
            }
        }
        double[] agreement = new double[classes];
        int covered = 0;
        for (int c = 0; c < classes; c++) {
            agreement[c] = (double) agreedPerClass[c] / askedPerClass[c];
            covered += produced[c] ? 1 : 0;
        }
        INDArray realFeatures = Nd4j.create(reals);
        int[] realLabels = new int[n];
        for (int i = 0; i < n; i++) {
            realLabels[i] = real.label(i);
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", n);
        figures.put("frechetDistance", fid);
        figures.put("frechetDistanceRealVsReal", baseline);
        figures.put("classAgreement", Arrays.stream(agreement).average().orElse(0));
        figures.put("classAgreementPerClass", Arrays.stream(agreement).boxed().toList());
        figures.put("classCoverage", (double) covered / classes);
        figures.put("meanDReal", Mean.of(gan.realness(realFeatures, realLabels)));
        figures.put("meanDFake", Mean.of(gan.realness(generated, requested)));
        figures.put("shiftSpread", shiftSpread(gan, real, SHIFT_SPREAD_IMAGES));
        return figures;
    }

    /** Held-out real images the shift spread is measured on. */
    public static final int SHIFT_SPREAD_IMAGES = 200;
    /** The moves the spread covers: up to this many pixels each way, 25 positions in all. */
    public static final int SPREAD_SHIFT = 2;

    /**
     * How much D's verdict on a real image depends on where it sits: for each of the first {@code images}
     * images, max − min of D's verdict (at its class) over the image moved by up to ±2 pixels in each
     * direction (25 positions), averaged over the images. 0 means position does not matter at all.
     */
    public static double shiftSpread(ConditionalGan gan, ImageSet real, int images) {
        int n = Math.min(images, real.size());
        int positions = (2 * SPREAD_SHIFT + 1) * (2 * SPREAD_SHIFT + 1);
        double total = 0;
        for (int i = 0; i < n; i++) {
            float[] image = real.image(i);
            float[][] moved = new float[positions][];
            int[] classes = new int[positions];
            int p = 0;
            for (int down = -SPREAD_SHIFT; down <= SPREAD_SHIFT; down++) {
                for (int right = -SPREAD_SHIFT; right <= SPREAD_SHIFT; right++) {
                    moved[p] = ImagePixels.shifted(image, down, right);
                    classes[p++] = real.label(i);
                }
            }
            float[] verdicts = gan.realness(Nd4j.create(moved), classes);
            float low = Float.MAX_VALUE;
            float high = -Float.MAX_VALUE;
            for (float verdict : verdicts) {
                low = Math.min(low, verdict);
                high = Math.max(high, verdict);
            }
            total += high - low;
        }
        return total / n;
    }

    /** The classifier's activations at {@code layer} for {@code images}, in batches (FID's features). */
    static INDArray features(ClassifierPool classifier, float[][] images, int layer) {
        int batch = 250;
        INDArray all = null;
        for (int from = 0; from < images.length; from += batch) {
            float[][] part = Arrays.copyOfRange(images, from, Math.min(images.length, from + batch));
            INDArray features = Nd4j.create(classifier.activations(part, layer));
            all = all == null ? features : Nd4j.vstack(all, features);
        }
        return all;
    }

    /** The first {@code n} images (fewer if the set is smaller). */
    static float[][] rows(ImageSet images, int n) {
        float[][] rows = new float[Math.min(n, images.size())][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = images.image(i);
        }
        return rows;
    }

    private static int[] argMaxRows(float[][] rows) {
        int[] best = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 1; c < rows[r].length; c++) {
                if (rows[r][c] > rows[r][best[r]]) {
                    best[r] = c;
                }
            }
        }
        return best;
    }
}
