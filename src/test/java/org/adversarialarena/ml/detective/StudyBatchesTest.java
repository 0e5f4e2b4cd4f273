package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** A study batch holds real images aimed at the real target, then replayed forgeries and generator samples aimed at 0. */
class StudyBatchesTest {

    private static final int SEVEN = 7;
    private static final int REAL = 4;
    private static final int FORGED = 3;
    private static final int GENERATED = 2;

    private static ConditionalGan gan;
    private static ImageSet oneRealImage;

    @BeforeAll
    static void load() {
        gan = GanFiles.loadShipped(DatasetId.MNIST, 3);
        oneRealImage = Datasets.load(DatasetId.MNIST).train().subset(0, 1);
    }

    private static DetectiveOptions options(int generated, long seed) {
        return new DetectiveOptions(REAL, FORGED, generated, 2e-5, 0.9, 8, 16, 0.6, 10, 10, seed);
    }

    private static StudyBatches batches(int generated, long seed) {
        ReplayBuffer replay = new ReplayBuffer(8);
        replay.add(Forgeries.seven(0, 0), SEVEN);
        return new StudyBatches(oneRealImage, replay, gan, options(generated, seed),
                new DiscriminatorInputs(DatasetId.MNIST.classCount()));
    }

    @Test
    void realImagesComeFirstAimedAtTheRealTargetThenForgeriesAndSamplesAimedAtZero() {
        DataSet batch = batches(GENERATED, 3).next();

        INDArray features = batch.getFeatures();
        INDArray targets = batch.getLabels();
        INDArray mask = batch.getLabelsMaskArray();
        assertThat(features.rows()).isEqualTo(REAL + FORGED + GENERATED);
        assertThat(mask.columns()).isEqualTo(DatasetId.MNIST.classCount());
        for (int row = 0; row < REAL; row++) {
            assertThat(features.getRow(row).toFloatVector()).containsExactly(oneRealImage.image(0));
            assertThat(targets.getRow(row).toFloatVector()).containsOnly(0.9f);
            assertThat(classOf(mask, row)).isEqualTo(oneRealImage.label(0));
        }
        for (int row = REAL; row < REAL + FORGED; row++) {
            assertThat(features.getRow(row).toFloatVector()).containsExactly(Forgeries.seven(0, 0));
            assertThat(targets.getRow(row).toFloatVector()).containsOnly(0f);
            assertThat(classOf(mask, row)).isEqualTo(SEVEN);
        }
        for (int row = REAL + FORGED; row < features.rows(); row++) {
            assertThat(targets.getRow(row).toFloatVector()).containsOnly(0f);
            assertThat(classOf(mask, row)).isBetween(0, DatasetId.MNIST.classCount() - 1);
        }
    }

    @Test
    void theSameSeedDrawsTheSameBatchesAndLaterBatchesAreFresh() {
        StudyBatches one = batches(GENERATED, 5);
        StudyBatches other = batches(GENERATED, 5);

        DataSet first = one.next();
        assertThat(other.next().getFeatures()).isEqualTo(first.getFeatures());
        assertThat(one.next().getFeatures()).isNotEqualTo(first.getFeatures());
    }

    @Test
    void withoutGeneratorSamplesABatchIsRealImagesAndForgeriesOnly() {
        DataSet batch = batches(0, 3).next();

        assertThat(batch.getFeatures().rows()).isEqualTo(REAL + FORGED);
    }

    /** The class whose column the mask opens in {@code row}; -1 unless exactly one is open. */
    private static int classOf(INDArray mask, int row) {
        double[] columns = mask.getRow(row).toDoubleVector();
        int open = -1;
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] == 1) {
                if (open >= 0) {
                    return -1;
                }
                open = k;
            } else if (columns[k] != 0) {
                return -1;
            }
        }
        return open;
    }
}
