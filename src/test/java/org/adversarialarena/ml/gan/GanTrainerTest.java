package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingCancelledException;
import org.adversarialarena.ml.train.TrainingListener;
import org.adversarialarena.ml.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GanTrainerTest {

    private static final ImageSet REAL = Datasets.load(DatasetId.MNIST).train().subset(0, 2_000);

    @ParameterizedTest
    @EnumSource(GanArchitecture.class)
    void generatorAndDiscriminatorHaveTheShapesTheGameNeeds(GanArchitecture architecture) {
        ConditionalGan gan = GanTrainer.newGan(DatasetId.MNIST, GanTrainingOptions.defaults(architecture, 1, 1));

        INDArray images = gan.generate(Nd4j.randn(3, GanArchitecture.LATENT_SIZE), new int[] {0, 7, 9});
        assertThat(images.shape()).containsExactly(3, 784);
        assertThat(images.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(images.maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        assertThat(gan.discriminator().output(images, false).shape()).containsExactly(3, 10);
        for (float verdict : gan.realness(images, new int[] {0, 7, 9})) {
            assertThat(verdict).isBetween(0f, 1f);
        }
        assertThat(gan.sample(7, gan.latent(42))).isEqualTo(gan.sample(7, gan.latent(42))).hasSize(784);
        assertThatThrownBy(() -> gan.sample(10, gan.latent(1))).hasMessageContaining("Class 10");
        assertThatThrownBy(() -> gan.sample(1, new float[3])).hasMessageContaining("latent");
    }

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void everyLossTrainsWithoutBlowingUpAndDLearnsToTellRealFromFake(GanLoss loss) {
        List<TrainingProgress> reports = new ArrayList<>();
        GanTrainingOptions options = GanTrainingOptions.defaults(GanArchitecture.MLP, 50, 3).withLoss(loss)
                .withDiscriminatorSteps(loss == GanLoss.WASSERSTEIN ? 3 : 1);

        new GanTrainer(reports::add, Cancellation.none()).train(REAL, options);

        TrainingProgress last = reports.getLast();
        assertThat(last.step()).isEqualTo(50);
        assertThat(last.loss()).isFinite();
        assertThat(last.metrics().get("meanDReal")).as("%s D(x) > D(G(z))", loss)
                .isGreaterThan(last.metrics().get("meanDFake"));
    }

    @Test
    void aShortRunMakesImagesTheClassifierReadsAsTheRequestedClassOfNearlyEveryClass() {
        ClassifierPool judge = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-mlp", 1)), 1);
        GanTrainingOptions options = GanTrainingOptions.defaults(GanArchitecture.MLP, 1_500, 5);
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        Map<String, Object> untrained = GanQuality.measure(GanTrainer.newGan(DatasetId.MNIST, options), judge, 1, test,
                REAL, 300, 1);

        ConditionalGan gan = new GanTrainer(TrainingListener.none(), Cancellation.none())
                .train(Datasets.load(DatasetId.MNIST).train(), options);
        Map<String, Object> trained = GanQuality.measure(gan, judge, 1, test, REAL, 300, 1);

        assertThat((double) untrained.get("classAgreement")).isLessThan(0.3);
        // Seeded, but the exact figure moves with the native build's float rounding: 0.5 with oneDNN natives.
        assertThat((double) trained.get("classAgreement")).isGreaterThanOrEqualTo(0.5);
        // 1,500 iterations leave a class or so unreadable now and then: seeds 5-7, DL4J's Adam and the vectorised one,
        // covered all 10 classes in 4 of 6 runs and 9 in the other 2 (docs/benchmarks.md), so 9 is the bar.
        assertThat((double) trained.get("classCoverage")).isGreaterThanOrEqualTo(0.9);
        assertThat((double) trained.get("frechetDistance")).isLessThan((double) untrained.get("frechetDistance") / 2);
        assertThat((double) trained.get("meanDReal")).isGreaterThan((double) trained.get("meanDFake"));
    }

    @Test
    void cancellationStopsTrainingBetweenIterations() {
        Cancellation cancellation = new Cancellation();
        TrainingListener cancelAtFirstReport = progress -> cancellation.cancel();
        assertThatThrownBy(() -> new GanTrainer(cancelAtFirstReport, cancellation)
                .train(REAL, GanTrainingOptions.defaults(GanArchitecture.MLP, 100, 1)))
                .isInstanceOf(TrainingCancelledException.class);
    }
}
