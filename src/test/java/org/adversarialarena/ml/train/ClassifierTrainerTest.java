package org.adversarialarena.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.metrics.ClassifierEvaluation;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

class ClassifierTrainerTest {

    private static final DatasetSplit MNIST = Datasets.load(DatasetId.MNIST);
    /** Small enough to train in seconds, large enough to learn something. */
    private static final DatasetSplit TINY = new DatasetSplit(MNIST.train().subset(0, 1_024), MNIST.test().subset(0, 300));

    @Test
    void aShortRunLowersTheLossAndBeatsChance() {
        List<TrainingProgress> reports = new ArrayList<>();
        ClassifierId id = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.LENET, 1);
        double untrained = ClassifierEvaluation.evaluate(id.architecture().newNetwork(3), TINY.test()).accuracy();

        TrainedClassifier trained = new ClassifierTrainer(reports::add, Cancellation.none())
                .train(id, TINY, new ClassifierTrainingPlan(2, 32, 3, 1, 1e-3));

        assertThat(reports).isNotEmpty();
        assertThat(reports.getLast().step()).isEqualTo(reports.getLast().totalSteps()).isEqualTo(64);
        double firstLoss = reports.getFirst().loss();
        double lastLoss = reports.getLast().loss();
        assertThat(lastLoss).isLessThan(firstLoss * 0.6);
        assertThat(trained.testConfusion().accuracy()).isGreaterThan(0.7).isGreaterThan(untrained + 0.4);
        assertThat(trained.testConfusion().total()).isEqualTo(300);
    }

    /** Training goes on from a network: its epochs count on and its learning-rate schedule with them. */
    @Test
    void aNetworkTrainedFurtherKeepsItsScheduleAndWhatItLearned() {
        ClassifierId id = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, 1);
        ClassifierTrainer trainer = new ClassifierTrainer(TrainingListener.none(), Cancellation.none());
        ClassifierTrainingPlan oneEpoch = new ClassifierTrainingPlan(1, 32, 3, 0, 1e-3, 0.5);
        TrainedClassifier first = trainer.train(id, TINY, oneEpoch);

        TrainedClassifier further = trainer.train(id, TINY, oneEpoch, first.network(), network -> BatchTransform.NONE);

        MultiLayerConfiguration configuration = further.network().getLayerWiseConfigurations();
        IUpdater updater = ((BaseLayer) configuration.getConf(0).getLayer()).getIUpdater();
        assertThat(configuration.getEpochCount()).isEqualTo(2);
        assertThat(updater.getLearningRate(configuration.getIterationCount(), configuration.getEpochCount()))
                .isCloseTo(1e-3 * 0.25, offset(1e-9));
        assertThat(further.testConfusion().accuracy()).isGreaterThanOrEqualTo(first.testConfusion().accuracy() - 0.05);
    }

    @Test
    void cancellationStopsTheRunBetweenTwoSteps() {
        Cancellation cancellation = new Cancellation();
        List<TrainingProgress> reports = new ArrayList<>();
        ClassifierTrainer trainer = new ClassifierTrainer(progress -> {
            reports.add(progress);
            cancellation.cancel();
        }, cancellation);
        ClassifierId id = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, 1);

        assertThatThrownBy(() -> trainer.train(id, TINY, new ClassifierTrainingPlan(5, 16, 1, 0, 1e-3)))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(reports).hasSize(1);
        assertThat(reports.getFirst().step()).isLessThan(reports.getFirst().totalSteps());
    }

    @Test
    void aLossThatBlowsUpStopsTrainingWithAClearError() {
        ClassifierId id = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, 1);
        ClassifierTrainer trainer = new ClassifierTrainer(TrainingListener.none(), Cancellation.none());

        assertThatThrownBy(() -> trainer.train(id, TINY, new ClassifierTrainingPlan(3, 32, 1, 0, 1e12)))
                .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("diverged");
    }

    @Test
    void aModelIsOnlyTrainedOnItsOwnDataset() {
        ClassifierId fashion = new ClassifierId(DatasetId.FASHION_MNIST, ClassifierArchitecture.MLP, 1);
        assertThatThrownBy(() -> new ClassifierTrainer(TrainingListener.none(), Cancellation.none())
                .train(fashion, TINY, new ClassifierTrainingPlan(1, 32, 1, 0, 1e-3)))
                .hasMessageContaining("cannot be trained on");
    }
}
