package org.adversarialarena.ml.gan;

import org.adversarialarena.ml.image.ImagePixels;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The generator and discriminator networks of the conditional GAN. The generator takes a latent
 * vector followed by a one-hot class and ends in a plain sigmoid layer (not an output layer: its
 * error signal comes from D). The discriminator has one output per class and is read, and trained,
 * only at the image's class (a label mask hides the other nine), so D judges "is this a real 7?",
 * which is what makes the game conditional with a single-input network.
 */
public enum GanArchitecture {
    /** Dense G (→256→512→784) and D (784→512→256→10): fast on a CPU, blurrier samples. */
    MLP,
    /** DCGAN-style: G upsamples 7×7×64 → 14×14×32 → 28×28×1 with 5×5 convolutions; D uses two strided convolutions. */
    DCGAN;

    public static final int LATENT_SIZE = 64;
    static final int CLASSES = 10;
    private static final double ADAM_BETA1 = 0.5;

    public MultiLayerConfiguration generator(long seed, double learningRate) {
        return generator(seed, learningRate, LATENT_SIZE);
    }

    public MultiLayerConfiguration generator(long seed, double learningRate, int latentSize) {
        NeuralNetConfiguration.ListBuilder layers = layers(seed, learningRate);
        if (this == MLP) {
            layers.layer(new DenseLayer.Builder().nOut(256).activation(leaky()).build())
                    .layer(new DenseLayer.Builder().nOut(512).activation(leaky()).build())
                    .layer(new DenseLayer.Builder().nOut(ImagePixels.COUNT).activation(Activation.SIGMOID).build());
        } else {
            layers.layer(new DenseLayer.Builder().nOut(7 * 7 * 64).activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
                    .layer(new Upsampling2D.Builder(2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(32).convolutionMode(ConvolutionMode.Same)
                            .activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
                    .layer(new Upsampling2D.Builder(2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(1).convolutionMode(ConvolutionMode.Same)
                            .activation(Activation.SIGMOID).build())
                    .inputPreProcessor(2, new FeedForwardToCnnPreProcessor(7, 7, 64));
        }
        return layers.setInputType(InputType.feedForward(latentSize + CLASSES)).build();
    }

    public MultiLayerConfiguration discriminator(long seed, double learningRate, GanLoss loss) {
        NeuralNetConfiguration.ListBuilder layers = layers(seed, learningRate);
        if (this == MLP) {
            layers.layer(new DenseLayer.Builder().nOut(512).activation(leaky()).build())
                    .layer(new DenseLayer.Builder().nOut(256).activation(leaky()).build());
        } else {
            layers.layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(32).convolutionMode(ConvolutionMode.Same)
                            .activation(leaky()).build())
                    .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(64).convolutionMode(ConvolutionMode.Same)
                            .activation(leaky()).build());
        }
        layers.layer(new OutputLayer.Builder(loss.discriminatorLoss()).nOut(CLASSES)
                .activation(loss.discriminatorOutput()).build());
        return layers.setInputType(InputType.convolutionalFlat(ImagePixels.SIDE, ImagePixels.SIDE, 1)).build();
    }

    /** Both networks start alike: seeded Xavier weights and Adam with the DCGAN paper's β1. */
    private static NeuralNetConfiguration.ListBuilder layers(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Adam.builder().learningRate(learningRate).beta1(ADAM_BETA1).build())
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    private static ActivationLReLU leaky() {
        return new ActivationLReLU(0.2);
    }
}
