package org.adversarialarena.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.attack.RobustAccuracy;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.TrainingMethod;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** Online adversarial training on a small MNIST subset makes the same network measurably harder to attack. */
class AdversarialTrainingTest {

    private static final DatasetSplit MNIST = Datasets.load(DatasetId.MNIST);
    private static final DatasetSplit SMALL = new DatasetSplit(MNIST.train().subset(0, 2_048), MNIST.test().subset(0, 200));
    private static final float EPSILON = 0.1f;
    private static final ClassifierTrainingPlan PLAN = new ClassifierTrainingPlan(4, 64, 7, 0, 1e-3);

    @Test
    void onlinePgdTrainingRaisesRobustAccuracyOverPlainTraining() {
        ClassifierId plainId = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, 1);
        ClassifierId madryId = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, TrainingMethod.MADRY, 1);
        ClassifierTrainer trainer = new ClassifierTrainer(TrainingListener.none(), Cancellation.none());

        TrainedClassifier plain = trainer.train(plainId, SMALL, PLAN);
        TrainedClassifier robust = trainer.train(madryId, SMALL, PLAN, new AdversarialTraining(madryId, EPSILON, 5, 1)::batchesFor);

        double plainRobust = robustAccuracy(plain);
        double madryRobust = robustAccuracy(robust);
        assertThat(robust.testConfusion().accuracy()).isGreaterThan(0.8);
        assertThat(madryRobust).isGreaterThan(plainRobust + 0.15);
    }

    @Test
    void eachBatchGainsOneAdversarialCopyPerImageWithTheSameLabels() {
        ClassifierId id = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, TrainingMethod.MADRY, 1);
        var network = id.architecture().newNetwork(1);
        AdversarialBatches transform = AdversarialBatches.onlinePgd(network, 0.3f, 3, 2);
        DataSet batch = SMALL.train().batches(16, 1).next();

        DataSet doubled = transform.apply(batch, network, 1);

        assertThat(doubled.numExamples()).isEqualTo(32);
        assertThat(doubled.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(16, 32)))
                .isEqualTo(batch.getLabels());
        float[][] clean = batch.getFeatures().toFloatMatrix();
        float[][] adversarial = doubled.getFeatures().toFloatMatrix();
        float largestChange = 0;
        for (int i = 0; i < 16; i++) {
            for (int p = 0; p < clean[i].length; p++) {
                largestChange = Math.max(largestChange, Math.abs(adversarial[16 + i][p] - clean[i][p]));
            }
        }
        assertThat(transform.epsilonAt(1)).isEqualTo(0.15f);
        assertThat(transform.epsilonAt(5)).isEqualTo(0.3f);
        assertThat(largestChange).isPositive().isLessThanOrEqualTo(0.15f + 1e-5f);
    }

    @Test
    void aNegativeRampIsRefused() {
        assertThatThrownBy(() -> AdversarialBatches.onlinePgd(ClassifierArchitecture.MLP.newNetwork(1), 0.3f, 3, -1))
                .hasMessageContaining("ramp");
    }

    private static double robustAccuracy(TrainedClassifier trained) {
        return RobustAccuracy.measure(new ClassifierPool(trained.network(), 1), SMALL.test().firstImages(200),
                SMALL.test().firstLabels(200), List.of(GradientAttack.pgd(Norm.LINF, EPSILON, 10)), 200).robustAccuracy();
    }
}
