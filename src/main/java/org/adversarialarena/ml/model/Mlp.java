package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A fully connected classifier (784 → 512 → 256 → 10, ReLU, dropout): the architecturally different
 * second model, hidden behind black-box levels, so that attacks crafted on the CNN must transfer.
 */
public final class Mlp {

    private static final double KEEP_PROBABILITY = 0.8;

    private Mlp() {
    }

    public static MultiLayerConfiguration configuration(long seed, double learningRate) {
        return configuration(seed, new FixedSchedule(learningRate));
    }

    public static MultiLayerConfiguration configuration(long seed, ISchedule learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nOut(512).activation(Activation.RELU).dropOut(KEEP_PROBABILITY).build())
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).dropOut(KEEP_PROBABILITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(LeNet.CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward((long) LeNet.IMAGE_SIDE * LeNet.IMAGE_SIDE))
                .build();
    }
}
