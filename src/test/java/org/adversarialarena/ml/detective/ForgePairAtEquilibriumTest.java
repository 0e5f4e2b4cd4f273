package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.metrics.Mean;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.Softmax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pair Forge plays with (each dataset's newest shipped GAN: MNIST v3, Fashion-MNIST v4) starts at the
 * GAN game's equilibrium: a fresh detective, built exactly as Forge builds it, gives the generator's samples
 * about an even chance, still recognises real images, and the samples are of the class they were made for
 * in the eyes of the LeNet (which did not guide the generator's training). The bars are issue 23's: D on
 * samples 0.3–0.6, D on real images ≥ 0.7, coverage, FID below v2's, agreement ≥ 95 % (docs/forge.md).
 */
class ForgePairAtEquilibriumTest {

    private static final int SAMPLES = 300;

    @ParameterizedTest
    @EnumSource(DatasetId.class)
    void aFreshDetectiveGivesTheGeneratorAnEvenChanceAndStillKnowsRealImages(DatasetId dataset) {
        int forgePair = GanFiles.newestShippedVersion(dataset);
        ConditionalGan gan = GanFiles.loadShipped(dataset, forgePair);
        DatasetSplit data = Datasets.load(dataset);
        Detective detective = Detective.fromGan(gan, data.train(), data.test(), DetectiveOptions.defaults(1));
        int[] requested = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            requested[i] = i % dataset.classCount();
        }
        float[][] samples = gan.generate(Nd4j.randn(23, new long[] {SAMPLES, gan.latentSize()}), requested).toFloatMatrix();
        ImageSet heldOut = data.test().subset(0, SAMPLES);

        double onSamples = Mean.of(detective.realness(samples, requested));
        double onReal = Mean.of(detective.realness(heldOut.firstImages(SAMPLES), heldOut.firstLabels(SAMPLES)));
        ClassifierPool lenet = new ClassifierPool(ClassifierFiles.loadShipped(new ClassifierId(dataset,
                ClassifierArchitecture.LENET, 1)), 1);
        float[][] verdicts = lenet.probabilities(samples);
        int agreed = 0;
        boolean[] seen = new boolean[dataset.classCount()];
        for (int i = 0; i < SAMPLES; i++) {
            int best = Softmax.argmax(verdicts[i]);
            seen[best] = true;
            agreed += best == requested[i] ? 1 : 0;
        }

        assertThat(onSamples).as("mean D on generator samples").isBetween(0.3, 0.6);
        assertThat(onReal).as("mean D on held-out real images").isGreaterThanOrEqualTo(0.7);
        assertThat((double) agreed / SAMPLES).as("class agreement with the LeNet").isGreaterThanOrEqualTo(0.95);
        assertThat(seen).as("every class appears").doesNotContain(false);
        assertThat(GanFiles.shippedMetrics(dataset, forgePair).get("frechetDistance").asDouble())
                .as("FID below v2's").isLessThan(GanFiles.shippedMetrics(dataset, 2).get("frechetDistance").asDouble());
    }
}
