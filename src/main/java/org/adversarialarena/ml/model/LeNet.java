package org.adversarialarena.ml.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The LeNet-style CNN every game's default classifier uses, and the network the DL4J-vs-PyTorch
 * benchmark measures: conv 5×5×20 → maxpool 2 → conv 5×5×50 → maxpool 2 → dense 500 → softmax 10,
 * on 28×28 grayscale images given as flat rows of 784 values in [0, 1].
 */
public final class LeNet {

    public static final int IMAGE_SIDE = 28;
    public static final int CLASSES = 10;
    /** DL4J's dropout parameter is the probability of keeping an activation, during training only. */
    private static final double DENSE_KEEP_PROBABILITY = 0.5;

    private LeNet() {
    }

    public static MultiLayerConfiguration configuration(long seed, double learningRate) {
        return configuration(seed, new FixedSchedule(learningRate));
    }

    public static MultiLayerConfiguration configuration(long seed, ISchedule learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).stride(1, 1)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).stride(1, 1)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                // Only ~8,500 MNIST training digits ship: dropout on the wide dense layer keeps it from memorising them.
                .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU)
                        .dropOut(DENSE_KEEP_PROBABILITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(IMAGE_SIDE, IMAGE_SIDE, 1))
                .build();
    }

    public static MultiLayerNetwork newNetwork(long seed) {
        return Networks.create(configuration(seed, 1e-3));
    }
}
