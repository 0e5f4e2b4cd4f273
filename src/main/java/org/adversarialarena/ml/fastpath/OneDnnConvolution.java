package org.adversarialarena.ml.fastpath;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sends DL4J's convolution layers through oneDNN (directly, or through libnd4j's native
 * {@code conv2d} op where the direct path does not apply) instead of DL4J's Java-side im2col + gemm.
 *
 * <p>Why this is needed in DL4J 1.0.0-M2.1: {@code ConvolutionLayer} only uses its native helper if
 * {@code MKLDNNConvHelper.checkSupported()} says yes, and that check looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN} by reflection — a class and method
 * that no longer exist in M2.1 (the class moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings}),
 * so the check always fails and every layer silently keeps the slow path. Installing the helper
 * directly bypasses only that broken check: the helper computes the same convolution with the
 * same weights, and the layer still falls back to its built-in path if the helper throws.
 *
 * <p>The helper installed is {@link DirectOneDnnConvHelper}: oneDNN called directly with cached
 * primitives, libnd4j's {@code conv2d} ops for what it does not cover. (Max pooling goes through
 * oneDNN directly in {@link DirectPoolingLayer}, which {@link OneDnnLayers} puts in.)
 *
 * <p>Helpers belong to layer instances, so {@link MultiLayerNetwork#clone()} and loading a file
 * give layers without one: {@link FastPath#tune} calls {@link #install} on every network that is created, loaded or cloned.
 */
final class OneDnnConvolution {

    private OneDnnConvolution() {
    }

    /** Installs the native helper in every plain convolution layer of {@code network}; returns it for chaining. */
    static MultiLayerNetwork install(MultiLayerNetwork network) {
        if (network.getLayers() == null) {
            throw new IllegalStateException("Initialise the network (init()) before installing native convolution");
        }
        if (!Nd4j.getEnvironment().isCPU()) {
            // oneDNN is a CPU library; on the CUDA backend DL4J's own layers (with cuDNN) are the fast path.
            return network;
        }
        Layer[] layers = network.getLayers();
        for (Layer layer : layers) {
            // Subclasses (deconvolution, depthwise, separable) need other native ops: leave them alone.
            if (layer.getClass() == ConvolutionLayer.class && LibraryField.CONVOLUTION_HELPER.get(layer) == null) {
                DataType dataType = layer.getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType();
                LibraryField.CONVOLUTION_HELPER.set(layer, new DirectOneDnnConvHelper(dataType));
            }
        }
        return network;
    }

    /** Whether every plain convolution layer of {@code network} goes through the native helper. */
    static boolean isInstalled(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer.getClass() == ConvolutionLayer.class
                    && !(LibraryField.CONVOLUTION_HELPER.get(layer) instanceof DirectOneDnnConvHelper)) {
                return false;
            }
        }
        return true;
    }
}
