package org.adversarialarena.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.junit.jupiter.api.Test;

class SaliencyTest {

    private static final ClassifierPool LENET =
            new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-lenet", 1)), 1);

    @Test
    void theMapIsTheScaledMagnitudeOfTheClassLogitsGradient() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        float[] image = test.image(0);
        int label = test.label(0);

        float[] map = Saliency.of(LENET, image, label);
        float[] gradient = LENET.gradients(new float[][] {image}, LogitObjectives.logit(new int[] {label}))
                .inputGradients()[0];

        assertThat(map).hasSize(784);
        float largest = 0;
        for (float value : map) {
            assertThat(value).isBetween(0f, 1f);
            largest = Math.max(largest, value);
        }
        assertThat(largest).isEqualTo(1f);
        int top = Saliency.topPixels(map, 1)[0];
        for (float g : gradient) {
            assertThat(Math.abs(g)).isLessThanOrEqualTo(Math.abs(gradient[top]));
        }
    }

    @Test
    void changingTheMostSalientPixelsMovesTheScoreMoreThanChangingTheLeastSalient() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        float[] image = test.image(1);
        int label = test.label(1);
        float[] map = Saliency.of(LENET, image, label);
        int[] order = Saliency.topPixels(map, 784);

        double before = LENET.logits(new float[][] {image})[0][label];
        double salientChange = Math.abs(LENET.logits(new float[][] {nudged(image, order, 0, 20)})[0][label] - before);
        double dullChange = Math.abs(LENET.logits(new float[][] {nudged(image, order, 784 - 20, 784)})[0][label] - before);

        assertThat(salientChange).isGreaterThan(dullChange);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Saliency.of(LENET, new float[10], 0)).hasMessageContaining("784");
        assertThatThrownBy(() -> Saliency.normalisedMagnitude(new float[] {Float.NaN}))
                .hasMessageContaining("non-finite");
        assertThat(Saliency.normalisedMagnitude(new float[3])).containsExactly(0f, 0f, 0f);
    }

    private static float[] nudged(float[] image, int[] order, int from, int to) {
        float[] copy = image.clone();
        for (int i = from; i < to; i++) {
            int pixel = order[i];
            copy[pixel] = copy[pixel] > 0.5f ? copy[pixel] - 0.3f : copy[pixel] + 0.3f;
        }
        return copy;
    }
}
