package org.adversarialarena.ml.fastpath;

import static org.adversarialarena.ml.fastpath.TuningFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.LeNet;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The forward-pass cache against DL4J's default of computing the forward pass again: same numbers. */
@RequiresFastPath
class ForwardCacheTest {

    @Test
    void classifiersAreBuiltAndLoadedWithTheCache() {
        assertThat(LeNet.newNetwork(1).getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.DEVICE);
        assertThat(ClassifierFiles.loadShipped(new ClassifierId(org.adversarialarena.ml.data.DatasetId.MNIST, ClassifierArchitecture.LENET, 1)).getLayerWiseConfigurations().getCacheMode())
                .isEqualTo(CacheMode.DEVICE);
    }

    @Test
    void cachingTheForwardPassGivesTheSameTrainingAndGradientsWhateverRanBefore() {
        MultiLayerNetwork cached = withoutDropout(LeNet.newNetwork(7));
        MultiLayerNetwork plain = FastPath.tune(withoutDropout(cached.clone()));
        plain.setCacheMode(CacheMode.NONE);

        // Training steps on some batches, then input gradients of another: a stale cache would show here.
        for (int step = 0; step < 3; step++) {
            DataSet batch = batch(16, step, 10);
            cached.fit(batch);
            plain.fit(batch);
        }
        DataSet other = batch(4, 9, 10);
        INDArray cachedGradient = cached.calculateGradients(other.getFeatures(), other.getLabels(), null, null).getSecond();
        INDArray plainGradient = plain.calculateGradients(other.getFeatures(), other.getLabels(), null, null).getSecond();

        assertThat(relativeDifference(cached.params(), plain.params())).isLessThan(TOLERANCE);
        assertThat(relativeDifference(cachedGradient, plainGradient)).isLessThan(TOLERANCE);
        assertThat(relativeDifference(cached.output(other.getFeatures(), false), plain.output(other.getFeatures(), false)))
                .isLessThan(TOLERANCE);
    }
}
