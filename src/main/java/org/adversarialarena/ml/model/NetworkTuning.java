package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The speed settings a network gets wherever the app creates, loads or clones one (DL4J keeps them
 * per layer instance, so a clone or a loaded file starts without them). Each is measured in
 * docs/benchmarks.md and checked against DL4J's own path in tests.
 */
public final class NetworkTuning {

    private NetworkTuning() {
    }

    /**
     * Convolutions, pooling, dense layers, activations and ND4J's matrix products through oneDNN,
     * Adam vectorised ({@link OneDnnConvolution}, {@link OneDnnLayers}, {@link LayerConfigurationTuning},
     * and for the matrix products {@link ProcessTuning}, which also shares ND4J's shape descriptors and
     * registers arrays for deallocation more cheaply:
     * settings for the whole process, made the first time any network is tuned).
     */
    public static MultiLayerNetwork apply(MultiLayerNetwork network) {
        ProcessTuning.installOnce();
        return LayerConfigurationTuning.install(OneDnnLayers.install(OneDnnConvolution.install(network)));
    }

    /**
     * Also keeps each convolution's pre-activation from the forward pass for the backward pass
     * instead of computing it a second time (DL4J's {@link CacheMode#DEVICE}). Only for networks used
     * through {@code output}, {@code fit} and {@code calculateGradients}, which always run the forward
     * pass that fills the cache right before the backward pass that reads it — not for a bare
     * {@code backpropGradient} after a separate forward pass, as the GAN trainer drives its generator,
     * which could read a cache left by an earlier batch.
     */
    public static MultiLayerNetwork applyWithForwardCache(MultiLayerNetwork network) {
        // The network reads the mode from its configuration (to open the cache's workspace), the layers from their own field.
        apply(network).getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
        network.setCacheMode(CacheMode.DEVICE);
        return network;
    }
}
