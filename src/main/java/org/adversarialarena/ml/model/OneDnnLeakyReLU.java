package org.adversarialarena.ml.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's leaky ReLU, with the backward pass through oneDNN ({@link OneDnnReluBackward}). */
public class OneDnnLeakyReLU extends ActivationLReLU {

    public OneDnnLeakyReLU() {
    }

    public OneDnnLeakyReLU(double alpha) {
        super(alpha);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray gradient = OneDnnReluBackward.gradient(in, epsilon, getAlpha());
        return gradient == null ? super.backprop(in, epsilon) : new Pair<>(gradient, null);
    }
}
