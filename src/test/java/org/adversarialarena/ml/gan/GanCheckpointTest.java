package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingListener;
import org.junit.jupiter.api.Test;

class GanCheckpointTest {

    private static final ImageSet REAL = Datasets.load(DatasetId.MNIST).train().subset(0, 500);
    private static final GanTrainingOptions OPTIONS = new GanTrainingOptions(GanArchitecture.MLP, GanLoss.NON_SATURATING,
            1, 2e-4, 2e-4, 0.9, 0.01, 16, 40, 3);

    @Test
    void aGanRestoredFromACheckpointHasItsWeightsAndAdamStateAndResumesExactlyAsTheOriginalGoesOn() {
        GanTrainer trainer = new GanTrainer(TrainingListener.none(), Cancellation.none());
        ConditionalGan original = GanTrainer.newGan(DatasetId.MNIST, OPTIONS);
        trainer.continueTraining(original, REAL, OPTIONS.withIterations(20));

        GanCheckpoint checkpoint = GanCheckpoint.of(original, 20);
        ConditionalGan restored = checkpoint.restore(DatasetId.MNIST, GanLoss.NON_SATURATING);

        assertThat(checkpoint.size()).isPositive();
        assertThat(restored.generator().params()).isEqualTo(original.generator().params());
        assertThat(restored.discriminator().params()).isEqualTo(original.discriminator().params());
        assertThat(restored.generator().getUpdater().getStateViewArray())
                .isEqualTo(original.generator().getUpdater().getStateViewArray());
        assertThat(restored.discriminator().getUpdater().getStateViewArray())
                .isEqualTo(original.discriminator().getUpdater().getStateViewArray());

        List<Integer> resumedIterations = new ArrayList<>();
        trainer.continueTraining(original, REAL, OPTIONS, 21, GanIterationListener.none());
        trainer.continueTraining(restored, REAL, OPTIONS, 21, (gan, iteration, dLoss, gSignal) -> resumedIterations.add(iteration));

        assertThat(resumedIterations).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(21, 40).boxed().toList());
        assertThat(restored.generator().params().equalsWithEps(original.generator().params(), 1e-6)).isTrue();
        assertThat(restored.discriminator().params().equalsWithEps(original.discriminator().params(), 1e-6)).isTrue();
    }

    @Test
    void aCheckpointThatIsNotOneSaysWhichNetworkCannotBeRead() {
        GanCheckpoint broken = new GanCheckpoint(5, new byte[] {1, 2, 3}, new byte[] {4});

        assertThatThrownBy(() -> broken.restore(DatasetId.MNIST, GanLoss.NON_SATURATING))
                .hasMessage("The checkpoint's generator cannot be read");
    }
}
