package org.adversarialarena.ml.fastpath;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Gives every layer faster equivalents of parts of its configuration: (leaky) ReLU and sigmoid
 * computed by oneDNN ({@link OneDnnReLU}, {@link OneDnnLeakyReLU}, {@link OneDnnSigmoid}) and
 * Adam's update vectorised ({@link VectorAdam}). DL4J has no helper hook for either, so the layer
 * gets its own copy of its configuration with them replaced. The network's configuration stays as
 * it was: that is what files, checkpoints and clones are made from, and they should name DL4J's
 * classes, not ours (tuning is per layer instance, like the helpers).
 */
final class LayerConfigurationTuning {

    private LayerConfigurationTuning() {
    }

    static MultiLayerNetwork install(MultiLayerNetwork network) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return network;
        }
        boolean updatersReplaced = false;
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration) {
                IActivation activation = computedByOneDnn(configuration.getActivationFn());
                IUpdater updater = vectorised(configuration.getIUpdater());
                IUpdater biasUpdater = vectorised(configuration.getBiasUpdater());
                if (activation != configuration.getActivationFn() || updater != configuration.getIUpdater()
                        || biasUpdater != configuration.getBiasUpdater()) {
                    NeuralNetConfiguration own = layer.conf().clone();
                    BaseLayer ownLayer = (BaseLayer) own.getLayer();
                    ownLayer.setActivationFn(activation);
                    ownLayer.setIUpdater(updater);
                    ownLayer.setBiasUpdater(biasUpdater);
                    layer.setConf(own);
                    updatersReplaced |= updater != configuration.getIUpdater() || biasUpdater != configuration.getBiasUpdater();
                }
            }
        }
        if (updatersReplaced) {
            rebuildUpdater(network);
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

    private static IUpdater vectorised(IUpdater updater) {
        return updater != null && updater.getClass() == Adam.class ? new VectorAdam((Adam) updater) : updater;
    }

    /**
     * A network that already has its updater (loaded with its state, or cloned) built it from the
     * configuration as it was: build it again from the layers' own, keeping Adam's moments.
     */
    static void rebuildUpdater(MultiLayerNetwork network) {
        Updater existing = network.getUpdater(false);
        if (existing == null) {
            return;
        }
        INDArray state = existing.getStateViewArray();
        network.setUpdater(null);
        Updater rebuilt = network.getUpdater();
        if (state != null) {
            rebuilt.setStateViewArray(network, state, false);
        }
    }
}
