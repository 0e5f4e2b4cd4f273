package org.adversarialarena.ml.fastpath;

import org.adversarialarena.ml.fastpath.OneDnnEltwise.Function;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's leaky ReLU computed by oneDNN ({@link OneDnnEltwise}). */
public class OneDnnLeakyReLU extends ActivationLReLU {

    public OneDnnLeakyReLU() {
    }

    public OneDnnLeakyReLU(double alpha) {
        super(alpha);
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return OneDnnEltwise.activateInPlace(in, Function.RELU, getAlpha()) ? in : super.getActivation(in, training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray gradient = OneDnnEltwise.gradient(in, epsilon, Function.RELU, getAlpha());
        return gradient == null ? super.backprop(in, epsilon) : new Pair<>(gradient, null);
    }
}
