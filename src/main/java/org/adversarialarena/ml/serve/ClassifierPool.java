package org.adversarialarena.ml.serve;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.Networks;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Serves one trained classifier to many players at once. A DL4J network is not thread-safe (its
 * layers keep the last input and activations), so the pool holds independent copies and lends
 * each to one caller at a time; a caller waits only when every copy is busy. Predictions and
 * gradients with respect to the input (what attacks and saliency maps need) go through the same
 * copies, and every image is validated before a network sees it.
 *
 * <p>Each copy's output layer emits logits (identity activation; softmax is applied here) and
 * differentiates whatever {@link LogitObjective} the caller asks for, so cross-entropy, margins,
 * single logits and DLR all cost one forward and one backward pass.
 */
public final class ClassifierPool implements DifferentiableClassifier {

    // Enough to share one forward pass among a class's strokes, few enough that no stroke waits long behind one.
    private static final int MAX_COMBINED = 16;

    private final BlockingQueue<ServedCopy> idle;
    private final RequestCombiner<float[], float[]> singles;
    private final int classes;
    private final int copies;
    private final int penultimateLayer;

    private record ServedCopy(MultiLayerNetwork network, ObjectiveLoss loss) {
    }

    /** {@code copies} clones of {@code prototype}; the prototype itself is not used afterwards. */
    public ClassifierPool(MultiLayerNetwork prototype, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("A pool needs at least one copy, was " + copies);
        }
        this.copies = copies;
        this.idle = new ArrayBlockingQueue<>(copies);
        this.singles = new RequestCombiner<>(MAX_COMBINED, copies);
        for (int i = 0; i < copies; i++) {
            idle.add(served(prototype));
        }
        this.penultimateLayer = prototype.getnLayers() - 2;
        this.classes = (int) prototype.output(Nd4j.zeros(DataType.FLOAT, 1, ImagePixels.COUNT), false).size(1);
    }

    @Override
    public int classes() {
        return classes;
    }

    public int copies() {
        return copies;
    }

    /** The index of the last hidden layer, whose activations are the classifier's features. */
    public int penultimateLayer() {
        return penultimateLayer;
    }

    @Override
    public float[][] logits(float[][] images) {
        if (images != null && images.length == 1) {
            float[] image = ImagePixels.requireValid(images[0]);
            return new float[][] {singles.answer(image, this::lend, ClassifierPool::logitsOfSingles)};
        }
        INDArray input = validBatch(images);
        return borrowCopy(copy -> copy.network().output(input, false).toFloatMatrix());
    }

    /** One forward pass for the one-image requests of many callers (a player's stroke is one). */
    private static List<float[]> logitsOfSingles(ServedCopy copy, List<float[]> singleImages) {
        return List.of(copy.network().output(ImageRows.of(singleImages), false).toFloatMatrix());
    }

    private void lend(Consumer<ServedCopy> work) {
        borrowCopy(copy -> {
            work.accept(copy);
            return null;
        });
    }

    @Override
    public ObjectiveGradients gradients(float[][] images, LogitObjective objective) {
        INDArray input = validBatch(images);
        INDArray unusedLabels = Nd4j.zeros(DataType.FLOAT, images.length, classes);
        return borrowCopy(copy -> {
            copy.loss().prepare(objective);
            float[][] gradients = copy.network().calculateGradients(input, unusedLabels, null, null).getSecond()
                    .reshape(images.length, ImagePixels.COUNT).toFloatMatrix();
            return new ObjectiveGradients(copy.loss().logits(), copy.loss().values(), gradients);
        });
    }

    @Override
    public float[][] inputGradients(float[][] images, int[] labels) {
        if (labels.length != images.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        return DifferentiableClassifier.super.inputGradients(images, labels);
    }

    /**
     * The activations of the last hidden layer (the features the softmax layer separates) of one
     * image; e.g. for the 500-unit dense layer of LeNet, for nearest-neighbour explanations or detectors.
     */
    public float[] penultimateFeatures(float[] image) {
        return activations(new float[][] {image}, penultimateLayer)[0];
    }

    /**
     * The activations of layer {@code layer} (0-based) for each image, e.g. a classifier's penultimate
     * features; the last layer gives logits.
     */
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

    /**
     * Gives every copy the current weights of {@code source} (same architecture), e.g. the network an
     * adversarial trainer is updating, so attacks see the model as it is now. Waits for each copy to be free.
     */
    public void copyParametersFrom(MultiLayerNetwork source) {
        INDArray parameters = source.params();
        java.util.List<ServedCopy> all = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < copies; i++) {
                all.add(idle.take());
            }
            for (ServedCopy copy : all) {
                copy.network().setParams(parameters);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the network copies", e);
        } finally {
            idle.addAll(all);
        }
    }

    /**
     * Lends a copy for work the methods above don't cover; the copy must not escape {@code work}.
     * Its output layer gives logits, not probabilities.
     */
    public <T> T borrow(Function<MultiLayerNetwork, T> work) {
        return borrowCopy(copy -> work.apply(copy.network()));
    }

    private <T> T borrowCopy(Function<ServedCopy, T> work) {
        ServedCopy copy;
        try {
            copy = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free network copy", e);
        }
        try {
            return work.apply(copy);
        } finally {
            idle.add(copy);
        }
    }

    /**
     * DL4J computes input gradients in training mode, where dropout would make every gradient a
     * random draw; a served model must be one fixed function, so its copies never drop out.
     */
    private static ServedCopy served(MultiLayerNetwork prototype) {
        ObjectiveLoss loss = new ObjectiveLoss();
        MultiLayerNetwork network = Networks.copy(prototype, copy -> {
            for (org.deeplearning4j.nn.api.Layer layer : copy.getLayers()) {
                layer.conf().getLayer().setIDropout(null);
            }
            BaseOutputLayer output = (BaseOutputLayer) copy.getOutputLayer().conf().getLayer();
            output.setActivationFn(new ActivationIdentity());
            output.setLossFn(loss);
        });
        return new ServedCopy(network, loss);
    }

    private static INDArray validBatch(float[][] images) {
        if (images == null) {
            throw new IllegalArgumentException("At least one image is required");
        }
        return ImageRows.of(Arrays.asList(images));
    }
}
