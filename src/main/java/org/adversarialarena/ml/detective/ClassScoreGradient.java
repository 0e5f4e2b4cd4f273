package org.adversarialarena.ml.detective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ∂ (the pre-activation score of one output class) / ∂ pixels, for a network of dense layers: one
 * forward pass (whose outputs come along), then back through the layers' weights to the input and
 * nowhere else. DL4J's {@code calculateGradients} also computes every weight's gradient, which a
 * saliency map never reads and which cost more than half of it. The loss's own factor is one number
 * per image, so a map scaled by its largest entry is the same either way.
 */
final class ClassScoreGradient {

    private final MultiLayerNetwork network;

    private ClassScoreGradient(MultiLayerNetwork network) {
        this.network = network;
    }

    /** Present for dense hidden layers under a dense output layer, with no input preprocessing; else empty. */
    static Optional<ClassScoreGradient> of(MultiLayerNetwork network) {
        int layers = network.getnLayers();
        for (int i = 0; i < layers; i++) {
            NeuralNetConfiguration conf = network.getLayerWiseConfigurations().getConf(i);
            boolean dense = i < layers - 1 ? conf.getLayer() instanceof DenseLayer : conf.getLayer() instanceof OutputLayer;
            if (!dense || network.getLayerWiseConfigurations().getInputPreProcess(i) != null
                    || ((BaseLayer) conf.getLayer()).getIDropout() != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new ClassScoreGradient(network));
    }

    /** The network's outputs and each image's input gradient, one row per image. */
    record Pass(INDArray outputs, INDArray inputGradients) {
    }

    /** Forward through every layer, then back from each image's class score to its pixels. */
    Pass pass(INDArray images, int[] classes) {
        int hidden = network.getnLayers() - 1;
        List<INDArray> preActivations = new ArrayList<>(hidden);
        INDArray activations = images;
        for (int i = 0; i < hidden; i++) {
            INDArray preActivation = preActivation(i, activations);
            preActivations.add(preActivation);
            activations = activation(i).getActivation(preActivation.dup(), false);
        }
        INDArray outputs = activation(hidden).getActivation(preActivation(hidden, activations), false);
        INDArray gradient = weights(hidden).getColumns(classes).transpose().dup('c');
        for (int i = hidden - 1; i >= 0; i--) {
            gradient = activation(i).backprop(preActivations.get(i).dup(), gradient).getFirst();
            gradient = gradient.mmul(weights(i).transpose());
        }
        return new Pass(outputs, gradient);
    }

    private INDArray preActivation(int layer, INDArray input) {
        return input.mmul(weights(layer)).addiRowVector(network.getLayer(layer).getParam(DefaultParamInitializer.BIAS_KEY));
    }

    private INDArray weights(int layer) {
        return network.getLayer(layer).getParam(DefaultParamInitializer.WEIGHT_KEY);
    }

    private IActivation activation(int layer) {
        return ((BaseLayer) network.getLayerWiseConfigurations().getConf(layer).getLayer()).getActivationFn();
    }
}
