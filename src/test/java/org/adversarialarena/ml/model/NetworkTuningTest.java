package org.adversarialarena.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The forward-pass cache against DL4J's default of computing the forward pass again: same numbers. */
class NetworkTuningTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void classifiersAreBuiltAndLoadedWithTheCache() {
        assertThat(LeNet.newNetwork(1).getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.DEVICE);
        assertThat(ClassifierFiles.loadShipped(new ClassifierId(org.adversarialarena.ml.data.DatasetId.MNIST, ClassifierArchitecture.LENET, 1)).getLayerWiseConfigurations().getCacheMode())
                .isEqualTo(CacheMode.DEVICE);
    }

    @Test
    void cachingTheForwardPassGivesTheSameTrainingAndGradientsWhateverRanBefore() {
        MultiLayerNetwork cached = withoutDropout(LeNet.newNetwork(7));
        MultiLayerNetwork plain = NetworkTuning.apply(withoutDropout(cached.clone()));
        plain.setCacheMode(CacheMode.NONE);

        // Training steps on some batches, then input gradients of another: a stale cache would show here.
        for (int step = 0; step < 3; step++) {
            DataSet batch = batch(16, step);
            cached.fit(batch);
            plain.fit(batch);
        }
        DataSet other = batch(4, 9);
        INDArray cachedGradient = cached.calculateGradients(other.getFeatures(), other.getLabels(), null, null).getSecond();
        INDArray plainGradient = plain.calculateGradients(other.getFeatures(), other.getLabels(), null, null).getSecond();

        assertThat(relativeDifference(cached.params(), plain.params())).isLessThan(TOLERANCE);
        assertThat(relativeDifference(cachedGradient, plainGradient)).isLessThan(TOLERANCE);
        assertThat(relativeDifference(cached.output(other.getFeatures(), false), plain.output(other.getFeatures(), false)))
                .isLessThan(TOLERANCE);
    }

    private static DataSet batch(int n, int seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray images = Nd4j.rand(DataType.FLOAT, n, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, (i + seed) % 10, 1f);
        }
        return new DataSet(images, labels);
    }

    /** Dropout draws random masks; without it both paths must agree. */
    private static MultiLayerNetwork withoutDropout(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            layer.conf().getLayer().setIDropout(null);
        }
        return network;
    }

    private static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / Math.max(1e-12, b.amaxNumber().doubleValue());
    }
}
