package org.adversarialarena.ml.gan;

import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained (or training) conditional GAN: the generator that forges an image of a requested class
 * from a latent vector, and the discriminator that judges whether an image is a real one of a class.
 * Not thread-safe, like the DL4J networks inside; serve it through one owner or copies.
 */
public final class ConditionalGan {

    private final DatasetId dataset;
    private final GanLoss loss;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;

    public ConditionalGan(DatasetId dataset, GanLoss loss, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this.dataset = dataset;
        this.loss = loss;
        this.generator = generator;
        this.discriminator = discriminator;
    }

    public DatasetId dataset() {
        return dataset;
    }

    public GanLoss loss() {
        return loss;
    }

    public MultiLayerNetwork generator() {
        return generator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    /** The latent vector's length: G's input is a latent vector followed by a one-hot class. */
    public int latentSize() {
        return (int) generator.layerInputSize(0) - GanArchitecture.CLASSES;
    }

    /** A standard-normal latent vector drawn from {@code seed}: the same seed always gives the same sample. */
    public float[] latent(long seed) {
        Random random = new Random(seed);
        float[] z = new float[latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /** The generator's image of class {@code classIndex} for latent vector {@code latent}. */
    public float[] sample(int classIndex, float[] latent) {
        if (latent == null || latent.length != latentSize()) {
            throw new IllegalArgumentException("A latent vector has " + latentSize() + " values");
        }
        for (float value : latent) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("Latent values must be finite");
            }
        }
        INDArray z = Nd4j.create(latent, new long[] {1, latentSize()}, 'c');
        return generate(z, new int[] {checkedClass(classIndex)}).toFloatVector();
    }

    /** Images for a batch of latent rows {@code z} and their classes, as an {@code [n, 784]} matrix. */
    public INDArray generate(INDArray z, int[] classes) {
        INDArray output = generator.output(generatorInput(z, classes), false);
        return output.reshape(z.size(0), ImagePixels.COUNT);
    }

    /**
     * D's verdict on each image at its class, in [0, 1], higher meaning "real": the probability for
     * the probabilistic losses, LSGAN's regression target clamped to [0, 1], WGAN's critic score
     * through a logistic (a critic's scale is arbitrary, so that one is only an ordering).
     */
    public float[] realness(INDArray images, int[] classes) {
        return realnessOfScores(discriminator.output(images, false), classes);
    }

    /** {@link #realness} from D's outputs already computed, one row per image. */
    public float[] realnessOfScores(INDArray scores, int[] classes) {
        float[] verdicts = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
            double score = scores.getDouble(i, checkedClass(classes[i]));
            verdicts[i] = (float) switch (loss) {
                case MINIMAX, NON_SATURATING -> score;
                case LEAST_SQUARES -> Math.max(0, Math.min(1, score));
                case WASSERSTEIN, HINGE, WGAN_GP -> 1 / (1 + Math.exp(-score));
            };
        }
        return verdicts;
    }

    public double realness(float[] image, int classIndex) {
        INDArray input = Nd4j.create(ImagePixels.requireValid(image), new long[] {1, ImagePixels.COUNT}, 'c');
        return realness(input, new int[] {classIndex})[0];
    }

    static INDArray generatorInput(INDArray z, int[] classes) {
        INDArray oneHot = oneHot(classes);
        return Nd4j.hstack(z.castTo(DataType.FLOAT), oneHot);
    }

    static INDArray oneHot(int[] classes) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, classes.length, GanArchitecture.CLASSES);
        for (int i = 0; i < classes.length; i++) {
            oneHot.putScalar(i, classes[i], 1f);
        }
        return oneHot;
    }

    private int checkedClass(int classIndex) {
        if (classIndex < 0 || classIndex >= dataset.classCount()) {
            throw new IllegalArgumentException("Class " + classIndex + " does not exist in " + dataset.slug());
        }
        return classIndex;
    }
}
