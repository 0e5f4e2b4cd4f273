package org.adversarialarena.ml.serve;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.OneDnnConvolution;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Serves one trained classifier to many players at once. A DL4J network is not thread-safe (its
 * layers keep the last input and activations), so the pool holds independent copies and lends
 * each to one caller at a time; a caller waits only when every copy is busy. Predictions and
 * gradients with respect to the input (what attacks and saliency maps need) go through the same
 * copies, and every image is validated before a network sees it.
 */
public final class ClassifierPool {

    private final BlockingQueue<MultiLayerNetwork> idle;
    private final int classes;
    private final int copies;
    private final int penultimateLayer;

    /** {@code copies} clones of {@code prototype}; the prototype itself is not used afterwards. */
    public ClassifierPool(MultiLayerNetwork prototype, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("A pool needs at least one copy, was " + copies);
        }
        this.copies = copies;
        this.idle = new ArrayBlockingQueue<>(copies);
        for (int i = 0; i < copies; i++) {
            idle.add(OneDnnConvolution.install(withoutDropout(prototype.clone())));
        }
        this.penultimateLayer = prototype.getnLayers() - 2;
        this.classes = (int) prototype.output(Nd4j.zeros(DataType.FLOAT, 1, ImagePixels.COUNT), false).size(1);
    }

    public int classes() {
        return classes;
    }

    public int copies() {
        return copies;
    }

    /** Class probabilities of one image. */
    public float[] probabilities(float[] image) {
        return probabilities(new float[][] {image})[0];
    }

    /** Class probabilities of each image, one row per image. */
    public float[][] probabilities(float[][] images) {
        INDArray input = validBatch(images);
        return borrow(network -> network.output(input, false).toFloatMatrix());
    }

    /**
     * The gradient of the cross-entropy loss for class {@code label} with respect to each pixel of
     * {@code image}: the direction in which the image should move to make that class less likely.
     */
    public float[] inputGradient(float[] image, int label) {
        return inputGradients(new float[][] {image}, new int[] {label})[0];
    }

    public float[][] inputGradients(float[][] images, int[] labels) {
        if (labels.length != images.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        INDArray input = validBatch(images);
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, checkedClass(labels[i]), 1f);
        }
        return borrow(network -> network.calculateGradients(input, oneHot, null, null).getSecond()
                .reshape(images.length, ImagePixels.COUNT).toFloatMatrix());
    }

    /**
     * The activations of the last hidden layer (the features the softmax layer separates) of one
     * image; e.g. for the 500-unit dense layer of LeNet, for nearest-neighbour explanations or detectors.
     */
    public float[] penultimateFeatures(float[] image) {
        return activations(new float[][] {image}, penultimateLayer)[0];
    }

    /** The activations of layer {@code layer} (0-based) for each image, e.g. a classifier's penultimate features. */
    public float[][] activations(float[][] images, int layer) {
        if (layer < 0 || layer > penultimateLayer + 1) {
            throw new IllegalArgumentException("Layer " + layer + " does not exist; layers are 0.." + (penultimateLayer + 1));
        }
        INDArray input = validBatch(images);
        return borrow(network -> {
            INDArray activations = network.feedForwardToLayer(layer, input, false).get(layer + 1);
            return activations.reshape(images.length, activations.length() / images.length).toFloatMatrix();
        });
    }

    /** Lends a copy for work the methods above don't cover; the copy must not escape {@code work}. */
    public <T> T borrow(Function<MultiLayerNetwork, T> work) {
        MultiLayerNetwork network;
        try {
            network = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free network copy", e);
        }
        try {
            return work.apply(network);
        } finally {
            idle.add(network);
        }
    }

    /**
     * DL4J computes input gradients in training mode, where dropout would make every gradient a
     * random draw; a served model must be one fixed function, so its copies never drop out.
     */
    private static MultiLayerNetwork withoutDropout(MultiLayerNetwork network) {
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            layer.conf().getLayer().setIDropout(null);
        }
        return network;
    }

    private int checkedClass(int label) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("Class " + label + " does not exist; classes are 0.." + (classes - 1));
        }
        return label;
    }

    private static INDArray validBatch(float[][] images) {
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("At least one image is required");
        }
        float[] flat = new float[images.length * ImagePixels.COUNT];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(ImagePixels.requireValid(images[i]), 0, flat, i * ImagePixels.COUNT, ImagePixels.COUNT);
        }
        return Nd4j.create(flat, new long[] {images.length, ImagePixels.COUNT}, 'c');
    }
}
