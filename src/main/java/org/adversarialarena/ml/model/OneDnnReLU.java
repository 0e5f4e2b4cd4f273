package org.adversarialarena.ml.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's plain ReLU, with the backward pass through oneDNN ({@link OneDnnReluBackward}). */
public class OneDnnReLU extends ActivationReLU {

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray gradient = OneDnnReluBackward.gradient(in, epsilon, 0);
        return gradient == null ? super.backprop(in, epsilon) : new Pair<>(gradient, null);
    }
}
