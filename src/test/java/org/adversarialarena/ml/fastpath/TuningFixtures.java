package org.adversarialarena.ml.fastpath;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** What the tests comparing a tuned network with DL4J's own share: networks, batches and the comparison. */
final class TuningFixtures {

    static final double TOLERANCE = 1e-5;

    private TuningFixtures() {
    }

    /** DL4J's network as configured, without dropout: dropout masks are random draws, and without them both must agree. */
    static MultiLayerNetwork plain(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return withoutDropout(network);
    }

    static MultiLayerNetwork withoutDropout(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            layer.conf().getLayer().setIDropout(null);
        }
        return network;
    }

    /** {@code n} random images of 784 pixels with one-hot labels, the same for the same seed. */
    static DataSet batch(int n, int seed, int classes) {
        Nd4j.getRandom().setSeed(seed);
        INDArray images = Nd4j.rand(DataType.FLOAT, n, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, (i + seed) % classes, 1f);
        }
        return new DataSet(images, labels);
    }

    static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / Math.max(1e-12, b.amaxNumber().doubleValue());
    }
}
