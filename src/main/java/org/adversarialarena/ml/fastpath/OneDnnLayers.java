package org.adversarialarena.ml.fastpath;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Replaces a network's DL4J pooling and dense layer objects with {@link DirectPoolingLayer} and
 * {@link OneDnnDenseLayer}, subclasses that compute the same thing faster where DL4J offers no helper
 * hook. The replacement takes over the original's configuration, parameter and gradient views,
 * listeners and counters, so the network, its updater and its files cannot tell the difference; the
 * network's configuration still names DL4J's classes, so clones and loaded files get DL4J's layers
 * and need this again (through {@link FastPath#tune}).
 */
final class OneDnnLayers {

    private OneDnnLayers() {
    }

    static MultiLayerNetwork install(MultiLayerNetwork network) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return network;
        }
        Layer[] layers = network.getLayers();
        DataType dataType = network.getLayerWiseConfigurations().getDataType();
        boolean replaced = false;
        for (int i = 0; i < layers.length; i++) {
            Layer original = layers[i];
            Layer replacement = replacementFor(original, dataType);
            if (replacement != null) {
                adopt(replacement, original);
                layerMap(network).replaceAll((name, layer) -> layer == original ? replacement : layer);
                layers[i] = replacement;
                replaced = true;
            }
        }
        if (replaced) {
            // An updater built before (a loaded or cloned network's) points at the replaced objects.
            LayerConfigurationTuning.rebuildUpdater(network);
        }
        return network;
    }

    /** Whether none of DL4J's own pooling or dense layer objects is left in {@code network}. */
    static boolean isInstalled(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer.getClass() == SubsamplingLayer.class || layer.getClass() == DenseLayer.class) {
                return false;
            }
        }
        return true;
    }

    private static Layer replacementFor(Layer layer, DataType dataType) {
        NeuralNetConfiguration conf = layer.conf();
        if (layer.getClass() == SubsamplingLayer.class) {
            return new DirectPoolingLayer(conf, dataType);
        }
        if (layer.getClass() == DenseLayer.class) {
            return new OneDnnDenseLayer(conf, dataType);
        }
        return null;
    }

    /** Gives {@code replacement} everything DL4J's {@code instantiate} and network set-up gave {@code original}. */
    private static void adopt(Layer replacement, Layer original) {
        replacement.setListeners(original.getListeners());
        replacement.setIndex(original.getIndex());
        if (original.numParams() > 0) {
            replacement.setParamsViewArray(original.params());
            replacement.setParamTable(original.paramTable());
            if (original.getGradientsViewArray() != null) {
                replacement.setBackpropGradientsViewArray(original.getGradientsViewArray());
            }
        }
        replacement.setConf(original.conf());
        replacement.setIterationCount(original.getIterationCount());
        replacement.setEpochCount(original.getEpochCount());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layer> layerMap(MultiLayerNetwork network) {
        return (Map<String, Layer>) LibraryField.LAYER_MAP.get(network);
    }
}
