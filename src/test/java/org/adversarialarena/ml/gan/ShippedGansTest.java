package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped generators make what they are asked for, judged by the shipped CNN of their dataset. */
class ShippedGansTest {

    private static final int LENET_PENULTIMATE_LAYER = 4;

    /**
     * v1 the first conditional MLP GAN, v2 the convolutional DCGAN, v3 the MLP pairs trained for Forge's
     * equilibrium; Fashion-MNIST's v4 replaced its v3 in Forge. Forge plays each dataset's newest.
     */
    static Stream<Arguments> shippedGans() {
        return Stream.concat(Stream.of(DatasetId.values()).flatMap(dataset -> Stream.of(
                Arguments.of(dataset, 1, "MLP"), Arguments.of(dataset, 2, "DCGAN"), Arguments.of(dataset, 3, "MLP"))),
                Stream.of(Arguments.of(DatasetId.FASHION_MNIST, 4, "MLP")));
    }

    @Test
    void forgePlaysEachDatasetsNewestPair() {
        assertThat(GanFiles.newestShippedVersion(DatasetId.MNIST)).isEqualTo(3);
        assertThat(GanFiles.newestShippedVersion(DatasetId.FASHION_MNIST)).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} v{1} ({2})")
    @MethodSource("shippedGans")
    void theShippedGeneratorMakesEveryRequestedClass(DatasetId dataset, int version, String architecture) {
        assertThat(GanFiles.shippedMetrics(dataset, version).get("architecture").asString()).isEqualTo(architecture);
        ConditionalGan gan = GanFiles.loadShipped(dataset, version);
        ClassifierPool judge = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse(dataset.slug() + "-lenet", 1)), 1);
        DatasetSplit data = Datasets.load(dataset);

        Map<String, Object> quality = GanQuality.measure(gan, judge, LENET_PENULTIMATE_LAYER, data.test(), data.train(), 500, 7);

        assertThat((double) quality.get("classCoverage")).isEqualTo(1.0);
        assertThat((double) quality.get("classAgreement")).isGreaterThan(0.6);
        assertThat((double) quality.get("meanDReal")).isGreaterThan((double) quality.get("meanDFake"));
        assertThat(GanFiles.shippedMetrics(dataset, version).get("frechetDistance").asDouble()).isPositive();
        float[] seven = gan.sample(7, gan.latent(3));
        assertThat(seven).hasSize(784).isEqualTo(gan.sample(7, gan.latent(3)));
    }
}
