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
 * nowhere else. DL4J's
 * {@code calculateGradients} also computes every weight's gradient, which a saliency map never reads
 * and which cost more than half of it. The loss's own factor is one number per image, so a map
 * scaled by its largest entry is the same either way.
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

    /** One row per image: the gradient of its class's score with respect to its pixels. */
    Pass of(INDArray images, int[] classes) {
        int hidden = network.getnLayers() - 1;
        List<INDArray> preActivations = new ArrayList<>(hidden);
        INDArray activations = images;
        for (int i = 0; i < hidden; i++) {
            INDArray preActivation = activations.mmul(weights(i)).addiRowVector(network.getLayer(i).getParam(DefaultParamInitializer.BIAS_KEY));
            preActivations.add(preActivation);
            activations = activation(i).getActivation(preActivation.dup(), false);
        }
        INDArray outputs = activation(hidden).getActivation(activations.mmul(weights(hidden))
                .addiRowVector(network.getLayer(hidden).getParam(DefaultParamInitializer.BIAS_KEY)), false);
        INDArray classColumns = weights(hidden).getColumns(classes);
        INDArray gradient = classColumns.transpose().dup('c');
        for (int i = hidden - 1; i >= 0; i--) {
            gradient = activation(i).backprop(preActivations.get(i).dup(), gradient).getFirst();
            gradient = gradient.mmul(weights(i).transpose());
        }
        return new Pass(outputs, gradient);
    }

    private INDArray weights(int layer) {
        return network.getLayer(layer).getParam(DefaultParamInitializer.WEIGHT_KEY);
    }

    private IActivation activation(int layer) {
        return ((BaseLayer) network.getLayerWiseConfigurations().getConf(layer).getLayer()).getActivationFn();
    }
}
