package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.explain.Saliency;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The live detective learns from forgeries, refuses a broken step, and survives a checkpoint. */
class DetectiveTest {

    private static final int SEVEN = 7;

    private static ConditionalGan gan;
    private static DatasetSplit mnist;

    @BeforeAll
    static void load() {
        gan = GanFiles.loadShipped(DatasetId.MNIST, 3);
        mnist = Datasets.load(DatasetId.MNIST);
    }

    private static Detective fresh() {
        return Detective.fromGan(gan, mnist.train(), mnist.test(), DetectiveOptions.defaults(11));
    }

    @Test
    void afterTrainingOnOneKindOfForgeryItsVerdictOnThatKindDrops() {
        Detective detective = fresh();
        float[] forgery = Forgeries.seven(0, 0);
        double before = detective.realness(forgery, SEVEN);
        Random random = new Random(5);
        for (int i = 0; i < 24; i++) {
            float[] submitted = Forgeries.jitteredSeven(random);
            detective.observe(submitted, SEVEN, detective.realness(submitted, SEVEN));
        }
        int accepted = 0;
        for (int step = 0; step < 20; step++) {
            if (detective.trainStep().accepted()) {
                accepted++;
            }
        }
        double after = detective.realness(forgery, SEVEN);

        assertThat(accepted).isEqualTo(20);
        assertThat(after).isLessThan(before / 2);
        assertThat(detective.version()).isEqualTo(21);
        assertThat(detective.stats().forgeriesSeen()).isEqualTo(24);
        assertThat(detective.stats().realAccuracy()).isGreaterThan(0.5);
    }

    @Test
    void aSaliencyMapComputedInABatchIsTheMapOfItsImageAlone() {
        Detective detective = fresh();
        float[][] images = {Forgeries.seven(0, 0), Forgeries.seven(1, -1), mnist.test().image(0)};
        int[] classes = {SEVEN, 3, mnist.test().label(0)};

        List<float[]> together = detective.saliency(images, classes);

        assertThat(together).hasSize(3);
        for (int i = 0; i < images.length; i++) {
            float[] alone = detective.saliency(images[i], classes[i]);
            assertThat(together.get(i)).as("image %d", i).containsExactly(alone, within(1e-5f));
            assertThat(alone).as("image %d has a map", i).contains(1f);
        }
        assertThat(detective.realnessAndSaliency(images[0], SEVEN).realness()).as("the verdict of the same pass")
                .isCloseTo(detective.realness(images[0], SEVEN), within(1e-5));
        assertThat(together.get(0)).as("another class, another map").isNotEqualTo(
                detective.saliency(images[0], 3));
    }

    @Test
    void theDenseClassGradientDrawsTheMapThatDl4jsLossGradientDraws() {
        MultiLayerNetwork d = gan.discriminator();
        float[][] images = {Forgeries.seven(0, 0), mnist.test().image(1), mnist.test().image(2)};
        int[] classes = {SEVEN, mnist.test().label(1), 4};
        INDArray batch = Nd4j.create(images);
        INDArray targets = Nd4j.ones(DataType.FLOAT, 3, DatasetId.MNIST.classCount());
        INDArray mask = Nd4j.zeros(DataType.FLOAT, 3, DatasetId.MNIST.classCount());
        for (int i = 0; i < 3; i++) {
            mask.putScalar(i, classes[i], 1f);
        }

        ClassScoreGradient.Pass pass = ClassScoreGradient.of(d).orElseThrow().pass(batch, classes);
        INDArray dense = pass.inputGradients();
        INDArray dl4j = d.calculateGradients(batch, targets, null, mask).getSecond().reshape(3, 784);
        d.clearLayerMaskArrays();

        for (int i = 0; i < 3; i++) {
            assertThat(Saliency.normalisedMagnitude(dense.getRow(i).dup().toFloatVector())).as("image %d", i)
                    .containsExactly(Saliency.normalisedMagnitude(dl4j.getRow(i).dup().toFloatVector()), within(1e-4f));
        }
        float[][] outputs = d.output(batch, false).toFloatMatrix();
        for (int i = 0; i < 3; i++) {
            assertThat(pass.outputs().getRow(i).dup().toFloatVector()).as("D's outputs for image %d", i)
                    .containsExactly(outputs[i], within(1e-5f));
        }
    }

    @Test
    void aStepThatProducesNaNIsRolledBack() {
        Detective detective = fresh();
        float[] forgery = Forgeries.seven(0, 0);
        detective.observe(forgery, SEVEN, 0.3);
        double before = detective.realness(forgery, SEVEN);

        StepOutcome outcome = detective.trainStep(network -> network.params().putScalar(0, Double.NaN));

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.reason()).contains("NaN");
        assertThat(detective.version()).isEqualTo(1);
        assertThat(detective.stats().rollbacks()).isEqualTo(1);
        assertThat(detective.realness(forgery, SEVEN)).isEqualTo(before);
        StepOutcome next = detective.trainStep();
        assertThat(next.accepted()).isTrue();
        assertThat(Double.isFinite(next.loss())).isTrue();
        assertThat(detective.version()).isEqualTo(2);
    }

    @Test
    void aStepThatMakesItRejectRealImagesIsRolledBack() {
        Detective detective = fresh();
        detective.observe(Forgeries.seven(0, 0), SEVEN, 0.3);

        // Output bias pushed far negative: every image, real ones included, now looks fake.
        StepOutcome outcome = detective.trainStep(network -> network.getOutputLayer().getParam("b").assign(-50));

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.reason()).contains("collapsed");
        assertThat(detective.version()).isEqualTo(1);
    }

    @Test
    void aCheckpointResumesTheSameDetective() {
        Detective detective = fresh();
        detective.observe(Forgeries.seven(0, 0), SEVEN, 0.7);
        detective.trainStep();
        detective.trainStep(network -> network.params().putScalar(0, Double.NaN));
        detective.observe(Forgeries.seven(1, 1), SEVEN, 0.2);
        detective.observe(Forgeries.seven(1, 0), SEVEN, 0.1);
        DetectiveCheckpoint checkpoint = detective.checkpoint();

        Detective resumed = Detective.resume(gan, checkpoint, mnist.train(), mnist.test(), DetectiveOptions.defaults(11));

        float[] probe = Forgeries.seven(1, 0);
        assertThat(resumed.realness(probe, SEVEN)).isCloseTo(detective.realness(probe, SEVEN),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(resumed.version()).isEqualTo(2);
        assertThat(resumed.stats().lossCurve()).hasSize(1);
        // Issue 24: the counters survive with the checkpoint, not only the weights.
        assertThat(resumed.stats().forgeriesSeen()).isEqualTo(3);
        assertThat(resumed.stats().recentForgeries()).isEqualTo(3);
        assertThat(resumed.stats().catchRate()).isEqualTo(2.0 / 3).isEqualTo(detective.stats().catchRate());
        assertThat(resumed.stats().rollbacks()).isEqualTo(1);
    }

    @Test
    void aDetectiveThatAdoptsAnotherOnesCheckpointJudgesLikeItAndKeepsItsOwnCounts() {
        Detective trainer = fresh();
        trainer.observe(Forgeries.seven(0, 0), SEVEN, 0.7);
        for (int i = 0; i < 3; i++) {
            trainer.trainStep();
        }
        Detective server = fresh();
        server.observe(Forgeries.seven(1, 0), SEVEN, 0.2);
        float[] probe = Forgeries.seven(0, 1);
        double before = server.realness(probe, SEVEN);

        server.adopt(trainer.checkpoint());

        assertThat(server.realness(probe, SEVEN)).isNotEqualTo(before)
                .isCloseTo(trainer.realness(probe, SEVEN), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(server.version()).isEqualTo(trainer.version()).isEqualTo(4);
        assertThat(server.stats().lossCurve()).isEqualTo(trainer.stats().lossCurve());
        assertThat(server.stats().forgeriesSeen()).as("what it judged itself").isEqualTo(1);
        assertThat(server.stats().catchRate()).isEqualTo(1.0);
    }

    @Test
    void saliencyIsAMapInTheUnitRange() {
        float[] map = fresh().saliency(Forgeries.seven(0, 0), SEVEN);

        assertThat(map).hasSize(784);
        float max = 0;
        for (float v : map) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1f);
    }
}
