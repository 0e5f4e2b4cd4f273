package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each loss, on 64 real images: D's steps lower D's loss, G's steps raise D's verdict on G's images. */
class GanLossTest {

    private static final ImageSet TINY = Datasets.load(DatasetId.MNIST).train().subset(0, 64);
    private static final int[] CLASSES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5};

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void discriminatorStepsLowerTheDiscriminatorsLoss(GanLoss loss) {
        GanSteps steps = steps(loss);
        double first = (steps.discriminatorStep() + steps.discriminatorStep()) / 2;
        double last = 0;
        for (int i = 0; i < 40; i++) {
            last = steps.discriminatorStep();
        }
        double lastTwo = (last + steps.discriminatorStep()) / 2;
        assertThat(lastTwo).as("%s: D's loss after 40 D steps", loss).isLessThan(first);
    }

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void generatorStepsRaiseTheDiscriminatorsVerdictOnGeneratedImages(GanLoss loss) {
        GanSteps steps = steps(loss);
        for (int i = 0; i < 10; i++) {
            steps.discriminatorStep();
        }
        ConditionalGan gan = steps.gan();
        INDArray z = Nd4j.randn(7L, new long[] {CLASSES.length, gan.latentSize()});
        double before = meanScore(gan, z);
        for (int i = 0; i < 10; i++) {
            steps.generatorStep();
        }
        assertThat(meanScore(gan, z)).as("%s: D's score of G's images after 10 G steps", loss).isGreaterThan(before);
        assertThat(steps.nextIteration()).isEqualTo(11);
    }

    private static GanSteps steps(GanLoss loss) {
        GanTrainingOptions options = new GanTrainingOptions(GanArchitecture.MLP, loss, 1, 1e-3, 1e-3, 0.9, 0.01, 16, 100,
                3, true, GanArchitecture.LATENT_SIZE);
        return new GanSteps(GanTrainer.newGan(DatasetId.MNIST, options), TINY, options, 1);
    }

    /** D's raw output at each image's class: a probability, a regression or a critic's score, higher meaning real. */
    private static double meanScore(ConditionalGan gan, INDArray z) {
        INDArray scores = gan.discriminator().output(gan.generate(z, CLASSES), false);
        double sum = 0;
        for (int i = 0; i < CLASSES.length; i++) {
            sum += scores.getDouble(i, CLASSES[i]);
        }
        return sum / CLASSES.length;
    }
}
