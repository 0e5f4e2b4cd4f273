package org.adversarialarena.ml.fastpath;

import org.adversarialarena.ml.fastpath.OneDnnEltwise.Function;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's plain ReLU computed by oneDNN ({@link OneDnnEltwise}). */
public class OneDnnReLU extends ActivationReLU {

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return OneDnnEltwise.activateInPlace(in, Function.RELU, 0) ? in : super.getActivation(in, training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray gradient = OneDnnEltwise.gradient(in, epsilon, Function.RELU, 0);
        return gradient == null ? super.backprop(in, epsilon) : new Pair<>(gradient, null);
    }
}
