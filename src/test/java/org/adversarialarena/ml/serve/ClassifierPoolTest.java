package org.adversarialarena.ml.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.junit.jupiter.api.Test;

class ClassifierPoolTest {

    private static final ImageSet IMAGES = Datasets.load(DatasetId.MNIST).test().subset(0, 24);

    /**
     * Gradients are exact; one-image predictions may share a forward pass with other threads' images
     * (RequestCombiner), whose different matrix blocking can move the last bits of a float.
     */
    @Test
    void manyThreadsGetWhatOneThreadGets() throws Exception {
        ClassifierPool pool = new ClassifierPool(ClassifierArchitecture.LENET.newNetwork(5), 3);
        float[][] expectedProbabilities = new float[IMAGES.size()][];
        float[][] expectedGradients = new float[IMAGES.size()][];
        for (int i = 0; i < IMAGES.size(); i++) {
            expectedProbabilities[i] = pool.probabilities(IMAGES.image(i));
            expectedGradients[i] = pool.inputGradient(IMAGES.image(i), IMAGES.label(i));
        }

        ExecutorService players = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 200; round++) {
                int i = round % IMAGES.size();
                boolean gradient = round % 3 == 0;
                results.add(players.submit(() -> gradient
                        ? java.util.Arrays.equals(pool.inputGradient(IMAGES.image(i), IMAGES.label(i)), expectedGradients[i])
                        : close(pool.probabilities(IMAGES.image(i)), expectedProbabilities[i])));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            players.shutdownNow();
        }
    }

    @Test
    void theInputGradientMatchesAFiniteDifference() {
        ClassifierPool pool = new ClassifierPool(ClassifierArchitecture.MLP.newNetwork(2), 1);
        float[] image = IMAGES.image(0);
        int label = IMAGES.label(0);
        float[] gradient = pool.inputGradient(image, label);
        int pixel = argMaxAbs(gradient);
        float h = 1e-2f;
        float[] up = image.clone();
        float[] down = image.clone();
        up[pixel] = Math.min(1f, image[pixel] + h);
        down[pixel] = Math.max(0f, image[pixel] - h);

        double numeric = (loss(pool, up, label) - loss(pool, down, label)) / (up[pixel] - down[pixel]);

        assertThat(gradient[pixel]).isCloseTo((float) numeric, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void batchesPenultimateFeaturesAndBadInput() {
        ClassifierPool pool = new ClassifierPool(ClassifierArchitecture.LENET.newNetwork(5), 1);
        float[][] batch = {IMAGES.image(0), IMAGES.image(1)};

        assertThat(pool.probabilities(batch)).hasDimensions(2, 10);
        // A batch and a single image go through different matrix kernels: equal up to rounding.
        assertThat(pool.probabilities(batch)[1]).containsExactly(pool.probabilities(IMAGES.image(1)), within(1e-6f));
        assertThat(pool.activations(batch, 4)).hasDimensions(2, 500);
        assertThat(pool.penultimateFeatures(IMAGES.image(1))).containsExactly(pool.activations(batch, 4)[1], within(1e-5f));

        float[] nan = IMAGES.image(0);
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> pool.probabilities(nan)).isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> pool.probabilities(new float[100])).isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> pool.inputGradient(IMAGES.image(0), 10)).hasMessageContaining("Class 10");
        assertThatThrownBy(() -> pool.probabilities(new float[0][])).hasMessageContaining("At least one");
        assertThatThrownBy(() -> pool.activations(batch, 6)).hasMessageContaining("Layer 6");
        // The pool still works after refusing bad input: no copy was lost.
        assertThat(pool.probabilities(IMAGES.image(2))).hasSize(10);
    }

    private static double loss(ClassifierPool pool, float[] image, int label) {
        return -Math.log(pool.probabilities(image)[label]);
    }

    private static int argMaxAbs(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static boolean close(float[] actual, float[] expected) {
        for (int k = 0; k < expected.length; k++) {
            if (Math.abs(actual[k] - expected[k]) > 1e-5f) {
                return false;
            }
        }
        return actual.length == expected.length;
    }
}
