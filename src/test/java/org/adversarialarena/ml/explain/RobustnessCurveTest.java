package org.adversarialarena.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.junit.jupiter.api.Test;

class RobustnessCurveTest {

    private static final ClassifierPool LENET =
            new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-lenet", 1)), 1);

    @Test
    void thePlainLeNetsAccuracyStartsCleanAndCollapsesAsEpsilonGrows() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        RobustnessCurve curve = RobustnessCurve.measure(LENET, test.firstImages(24), test.firstLabels(24),
                new float[] {0f, 0.05f, 0.15f, 0.3f});

        assertThat(curve.points()).hasSize(4);
        assertThat(curve.points().get(0).accuracy()).isGreaterThanOrEqualTo(0.95);
        for (int i = 1; i < 4; i++) {
            assertThat(curve.points().get(i).accuracy()).isLessThanOrEqualTo(curve.points().get(i - 1).accuracy());
            assertThat(curve.points().get(i).accuracyPerAttack()).hasSize(2);
        }
        assertThat(curve.points().get(3).accuracy()).isLessThan(0.1);
        assertThat(curve.epsilonHolding(0.9)).isLessThan(0.15f);
    }

    @Test
    void epsilonsMustAscendWithinTheUnitInterval() {
        float[][] images = {new float[784]};
        int[] labels = {0};
        assertThatThrownBy(() -> RobustnessCurve.measure(LENET, images, labels, new float[] {0.2f, 0.1f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
        assertThatThrownBy(() -> RobustnessCurve.measure(LENET, images, labels, new float[] {1.5f}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
