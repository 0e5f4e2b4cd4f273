package org.adversarialarena.ml.fastpath;

import org.adversarialarena.ml.fastpath.OneDnnEltwise.Function;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's sigmoid computed by oneDNN ({@link OneDnnEltwise}). */
public class OneDnnSigmoid extends ActivationSigmoid {

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return OneDnnEltwise.activateInPlace(in, Function.SIGMOID, 0) ? in : super.getActivation(in, training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray gradient = OneDnnEltwise.gradient(in, epsilon, Function.SIGMOID, 0);
        return gradient == null ? super.backprop(in, epsilon) : new Pair<>(gradient, null);
    }
}
