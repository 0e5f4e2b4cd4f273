package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.fastpath.RequiresFastPath;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The DCGAN's same-mode and strided convolutions give the same results through the native helper as built in. */
@RequiresFastPath
class DcganNativeConvolutionTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void generatorAndDiscriminatorAgreeWithTheBuiltInConvolution() {
        ConditionalGan gan = GanTrainer.newGan(DatasetId.MNIST, GanTrainingOptions.defaults(GanArchitecture.DCGAN, 1, 1));
        assertThat(FastPath.isTuned(gan.generator())).isTrue();
        assertThat(FastPath.isTuned(gan.discriminator())).isTrue();

        INDArray noiseAndLabels = Nd4j.rand(DataType.FLOAT, 4, gan.generator().layerInputSize(0));
        assertThat(maxDifference(gan.generator().output(noiseAndLabels, false),
                gan.generator().clone().output(noiseAndLabels, false))).isLessThan(TOLERANCE);

        // G is trained through D's input gradient, so D's must agree too.
        MultiLayerNetwork nativeConv = gan.discriminator();
        MultiLayerNetwork builtIn = nativeConv.clone();
        INDArray input = Nd4j.rand(DataType.FLOAT, 4, 784);
        INDArray nativeOut = nativeConv.output(input, false);
        assertThat(maxDifference(nativeOut, builtIn.output(input, false))).isLessThan(TOLERANCE);
        INDArray target = Nd4j.rand(DataType.FLOAT, nativeOut.shape());
        INDArray nativeGradient = nativeConv.calculateGradients(input, target, null, null).getSecond();
        INDArray builtInGradient = builtIn.calculateGradients(input, target, null, null).getSecond();
        assertThat(maxDifference(nativeGradient, builtInGradient)).isLessThan(TOLERANCE);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
