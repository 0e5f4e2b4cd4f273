package org.adversarialarena.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.nd4j.linalg.indexing.NDArrayIndex;

/** TRADES, the second robust training method: its batches, its name, and that it makes a network harder to attack. */
class TradesTrainingTest {

    private static final DatasetSplit MNIST = Datasets.load(DatasetId.MNIST);
    private static final DatasetSplit SMALL = new DatasetSplit(MNIST.train().subset(0, 2_048), MNIST.test().subset(0, 200));
    private static final float EPSILON = 0.1f;

    @Test
    void eachBatchGainsAKlMaximisingCopyWithTheCleanPredictionsAsTargetsAndWeightBeta() {
        var network = ClassifierArchitecture.MLP.newNetwork(1);
        TradesBatches transform = new TradesBatches(network, 0.3f, 3, 6f, 1L);
        DataSet batch = SMALL.train().batches(16, 1).next();

        DataSet doubled = transform.apply(batch, network, 1);

        assertThat(doubled.numExamples()).isEqualTo(32);
        assertThat(doubled.getLabels().get(NDArrayIndex.interval(0, 16))).isEqualTo(batch.getLabels());
        float[][] soft = doubled.getLabels().get(NDArrayIndex.interval(16, 32)).toFloatMatrix();
        float[][] predicted = new ClassifierPool(network, 1).probabilities(batch.getFeatures().toFloatMatrix());
        for (int i = 0; i < 16; i++) {
            assertThat(soft[i]).containsExactly(predicted[i], within(1e-5f));
        }
        float[][] mask = doubled.getLabelsMaskArray().toFloatMatrix();
        assertThat(mask[0][0]).isEqualTo(1f);
        assertThat(mask[31][0]).isEqualTo(6f);
        float[][] clean = batch.getFeatures().toFloatMatrix();
        float[][] features = doubled.getFeatures().toFloatMatrix();
        for (int i = 0; i < 16; i++) {
            for (int p = 0; p < 784; p++) {
                assertThat(Math.abs(features[16 + i][p] - clean[i][p])).isLessThanOrEqualTo(0.3f + 1e-5f);
            }
        }
    }

    @Test
    void tradesTrainingRaisesRobustAccuracyOverPlainTraining() {
        ClassifierId plainId = new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.MLP, 1);
        ClassifierId tradesId = ClassifierId.parse("mnist-mlp-trades", 1);
        ClassifierTrainingPlan plan = new ClassifierTrainingPlan(4, 64, 7, 0, 1e-3);
        ClassifierTrainer trainer = new ClassifierTrainer(TrainingListener.none(), Cancellation.none());

        TrainedClassifier plain = trainer.train(plainId, SMALL, plan);
        TrainedClassifier trades = trainer.train(tradesId, SMALL, plan, new AdversarialTraining(tradesId, EPSILON, 5, 0)::batchesFor);

        assertThat(tradesId.method()).isEqualTo(TrainingMethod.TRADES);
        // TRADES gives up some clean accuracy by design (plain: 0.89 here). The bar leaves room for how far a short
        // training drifts with rounding alone: 0.815 with OpenBLAS's sgemm, 0.79 with oneDNN's, same code and seeds.
        assertThat(trades.testConfusion().accuracy()).isGreaterThan(0.75);
        assertThat(robustAccuracy(trades)).isGreaterThan(robustAccuracy(plain) + 0.15);
    }

    @Test
    void aNonPositiveBetaIsRefused() {
        assertThatThrownBy(() -> new TradesBatches(ClassifierArchitecture.MLP.newNetwork(1), 0.3f, 3, 0f, 1L))
                .hasMessageContaining("β");
    }

    private static double robustAccuracy(TrainedClassifier trained) {
        return RobustAccuracy.measure(new ClassifierPool(trained.network(), 1), SMALL.test().firstImages(200),
                SMALL.test().firstLabels(200), List.of(GradientAttack.pgd(Norm.LINF, EPSILON, 10)), 200).robustAccuracy();
    }
}
