package org.adversarialarena.ml.fastpath;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's pooling layer, asking its {@link DirectOneDnnPoolingHelper} for the forward pass as well as
 * the backward pass. DL4J M2.1 asks a pooling helper only for the backward pass, so every forward
 * pass ran libnd4j's {@code maxpool2d} op, which sets oneDNN up anew on each call: 45–80 µs for one
 * image's pooling in LeNet, about as long as both of its convolutions (docs/benchmarks.md).
 * Anything the helper does not cover still goes DL4J's way.
 */
final class DirectPoolingLayer extends SubsamplingLayer {

    DirectPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        helper = new DirectOneDnnPoolingHelper();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        var pooling = layerConf();
        INDArray output = helper.activate(input, training, pooling.getKernelSize(), pooling.getStride(), pooling.getPadding(),
                pooling.getPoolingType(), convolutionMode, pooling.getDilation(), pooling.getCnn2dDataFormat(), workspaceMgr);
        return output != null ? output : super.activate(training, workspaceMgr);
    }
}
