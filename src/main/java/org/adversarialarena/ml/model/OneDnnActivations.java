package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives every layer with a (leaky) ReLU or a sigmoid the same activation computed by oneDNN
 * ({@link OneDnnReLU}, {@link OneDnnLeakyReLU}, {@link OneDnnSigmoid}). DL4J has no helper hook for activations, so the
 * layer gets its own copy of its configuration with the activation replaced. The network's
 * configuration stays as it was: that is what files, checkpoints and clones are made from, and they
 * should name DL4J's activations, not ours (tuning is per layer instance, like the helpers).
 */
final class OneDnnActivations {

    private OneDnnActivations() {
    }

    static MultiLayerNetwork install(MultiLayerNetwork network) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return network;
        }
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration) {
                IActivation replacement = computedByOneDnn(configuration.getActivationFn());
                if (replacement != configuration.getActivationFn()) {
                    NeuralNetConfiguration own = layer.conf().clone();
                    ((BaseLayer) own.getLayer()).setActivationFn(replacement);
                    layer.setConf(own);
                }
            }
        }
        return network;
    }

    private static IActivation computedByOneDnn(IActivation activation) {
        if (activation != null && activation.getClass() == ActivationReLU.class) {
            ActivationReLU relu = (ActivationReLU) activation;
            boolean plain = relu.getMax() == null && relu.getThreshold() == null && relu.getNegativeSlope() == null;
            return plain ? new OneDnnReLU() : activation;
        }
        if (activation != null && activation.getClass() == ActivationLReLU.class) {
            return new OneDnnLeakyReLU(((ActivationLReLU) activation).getAlpha());
        }
        if (activation != null && activation.getClass() == ActivationSigmoid.class) {
            return new OneDnnSigmoid();
        }
        return activation;
    }
}
