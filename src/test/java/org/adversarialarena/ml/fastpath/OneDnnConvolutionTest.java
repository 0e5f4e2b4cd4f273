package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.LeNet;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

@RequiresFastPath
class OneDnnConvolutionTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void newLeNetGoesThroughTheNativeConvolutionAndAPlainCloneDoesNot() {
        MultiLayerNetwork network = LeNet.newNetwork(3);

        assertThat(OneDnnConvolution.isInstalled(network)).isTrue();
        assertThat(OneDnnConvolution.isInstalled(network.clone())).isFalse();
        assertThat(OneDnnConvolution.isInstalled(OneDnnConvolution.install(network.clone()))).isTrue();
    }

    /** 1 and 8 images run through oneDNN in DL4J's NCHW layout, 32 in channels-last with reorders. */
    @ParameterizedTest
    @ValueSource(ints = {1, 8, 32})
    void nativeAndBuiltInConvolutionAgreeOnOutputsInputGradientsAndATrainingStep(int batch) {
        MultiLayerNetwork nativeConv = withoutDropout(LeNet.newNetwork(3));
        MultiLayerNetwork builtIn = withoutDropout(nativeConv.clone());
        INDArray images = Nd4j.rand(DataType.FLOAT, batch, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 10, 1f);
        }

        assertThat(maxDifference(nativeConv.output(images, false), builtIn.output(images, false))).isLessThan(TOLERANCE);
        assertThat(maxDifference(nativeConv.calculateGradients(images, labels, null, null).getSecond(),
                builtIn.calculateGradients(images, labels, null, null).getSecond())).isLessThan(TOLERANCE);

        nativeConv.fit(new DataSet(images, labels));
        builtIn.fit(new DataSet(images, labels));
        assertThat(maxDifference(nativeConv.params(), builtIn.params())).isLessThan(TOLERANCE);
    }

    /** A training step leaves the first layer's input gradient uncomputed; training and later input gradients are unchanged. */
    @Test
    void trainingStepsTrainLikeFitAndInputGradientsStayRight() {
        assertTrainingStepsTrainLikeFit(LeNet.newNetwork(4));
    }

    /** The same for a first layer that is dense, whose input gradient is a matrix product skipped in {@link OneDnnGemm}. */
    @Test
    void trainingStepsOfADenseFirstLayerTrainLikeFit() {
        assertTrainingStepsTrainLikeFit(ClassifierArchitecture.MLP.newNetwork(4));
    }

    /** What the skip rests on: inside a training step, and only there, the first layer's weights are recognised. */
    @Test
    void onlyTheFirstLayersWeightsInsideATrainingStepAreMarkedUnread() {
        MultiLayerNetwork network = ClassifierArchitecture.MLP.newNetwork(4);
        List<Boolean> seen = new ArrayList<>();
        network.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model model) {
                seen.add(TrainingSteps.isFirstLayerInStep(network.getLayer(0).getParam("W")));
                seen.add(TrainingSteps.isFirstLayerInStep(network.getLayer(1).getParam("W")));
            }
        });
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 784), Nd4j.eye(10).getRows(0, 1, 2, 3).castTo(DataType.FLOAT));

        TrainingSteps.fit(network, batch);
        network.fit(batch);

        assertThat(seen).containsExactly(true, false, false, false);
        assertThat(TrainingSteps.isFirstLayerInStep(network.getLayer(0).getParam("W"))).isFalse();
    }

    private static void assertTrainingStepsTrainLikeFit(MultiLayerNetwork network) {
        MultiLayerNetwork stepped = withoutDropout(network);
        MultiLayerNetwork builtIn = withoutDropout(stepped.clone());
        for (int step = 0; step < 3; step++) {
            INDArray images = Nd4j.rand(DataType.FLOAT, 64, 784);
            INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, 10);
            for (int i = 0; i < 64; i++) {
                labels.putScalar(i, (i + step) % 10, 1f);
            }
            TrainingSteps.fit(stepped, new DataSet(images, labels));
            builtIn.fit(new DataSet(images, labels));
        }
        assertThat(maxDifference(stepped.params(), builtIn.params())).isLessThan(TOLERANCE);

        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 784);
        INDArray label = Nd4j.zeros(DataType.FLOAT, 1, 10).putScalar(0, 3, 1f);
        assertThat(maxDifference(stepped.calculateGradients(image, label, null, null).getSecond(),
                builtIn.calculateGradients(image, label, null, null).getSecond())).isLessThan(TOLERANCE);
    }

    @Test
    void anUninitialisedNetworkIsRefused() {
        MultiLayerNetwork network = new MultiLayerNetwork(LeNet.configuration(1, 1e-3));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneDnnConvolution.install(network))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("init()");
    }

    /** Gradients and training steps draw random dropout masks; without dropout both paths must agree exactly. */
    private static MultiLayerNetwork withoutDropout(MultiLayerNetwork network) {
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            layer.conf().getLayer().setIDropout(null);
        }
        return network;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
