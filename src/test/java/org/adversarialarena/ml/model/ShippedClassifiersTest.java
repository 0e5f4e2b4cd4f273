package org.adversarialarena.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.metrics.ClassifierEvaluation;
import org.adversarialarena.ml.metrics.ConfusionMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped weights reach their accuracy bars on the held-out test split, and say so in their metrics. */
class ShippedClassifiersTest {

    static Stream<Arguments> shippedModels() {
        return Stream.of(
                Arguments.of("mnist-lenet", 1, 0.98),
                Arguments.of("fashion-mnist-lenet", 1, 0.89),
                Arguments.of("mnist-mlp", 1, 0.97),
                Arguments.of("fashion-mnist-mlp", 1, 0.87),
                // Adversarial training trades clean accuracy for robustness (docs/robustness.md); v2 trained
                // longer, on the official training digits without the games' test images.
                Arguments.of("mnist-lenet-madry", 1, 0.96),
                Arguments.of("mnist-lenet-madry", 2, 0.98),
                Arguments.of("fashion-mnist-lenet-madry", 1, 0.81),
                Arguments.of("fashion-mnist-lenet-madry", 2, 0.83));
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void reachesItsBarOnTheTestSplit(String name, int version, double bar) {
        ClassifierId id = ClassifierId.parse(name, version);

        ConfusionMatrix confusion = ClassifierEvaluation.evaluate(ClassifierFiles.loadShipped(id),
                Datasets.load(id.dataset()).test());

        assertThat(confusion.accuracy()).isGreaterThanOrEqualTo(bar);
        assertThat(ClassifierFiles.shippedMetrics(id).get("testAccuracy").asDouble())
                .isCloseTo(confusion.accuracy(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(confusion.total()).isEqualTo(Datasets.load(id.dataset()).test().size());
        assertThat(id.dataset()).isIn((Object[]) DatasetId.values());
    }
}
