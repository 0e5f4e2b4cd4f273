package org.adversarialarena.ml.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.adversarialarena.ml.image.ImagePixels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable, labelled set of 28×28 grayscale images. Pixels are kept as the unsigned bytes the
 * files hold (a quarter of the memory of floats: 55 MB instead of 220 MB for all of Fashion-MNIST)
 * and become values in [0, 1] only when a network or a game asks for them.
 */
public final class ImageSet {

    private static final int PIXELS = ImagePixels.COUNT;
    private static final float SCALE = 1f / 255f;

    private final DatasetId dataset;
    private final byte[] pixels;
    private final int[] labels;

    ImageSet(DatasetId dataset, byte[] pixels, int[] labels) {
        if (pixels.length != labels.length * PIXELS) {
            throw new DatasetFormatException(dataset.slug() + ": " + pixels.length / PIXELS + " images but "
                    + labels.length + " labels");
        }
        this.dataset = dataset;
        this.pixels = pixels;
        this.labels = labels;
    }

    public DatasetId dataset() {
        return dataset;
    }

    public int size() {
        return labels.length;
    }

    /** A copy of image {@code i} as 784 values in [0, 1]. */
    public float[] image(int i) {
        checkIndex(i);
        float[] image = new float[PIXELS];
        copyInto(i, image, 0);
        return image;
    }

    public int label(int i) {
        checkIndex(i);
        return labels[i];
    }

    /** The images as an {@code [n, 784]} float matrix; it costs 3 KB per image, so take subsets of large sets. */
    public INDArray features() {
        return features(IntStream.range(0, size()).toArray());
    }

    /** The labels as an {@code [n, classes]} one-hot matrix. */
    public INDArray oneHotLabels() {
        return oneHotLabels(IntStream.range(0, size()).toArray());
    }

    INDArray features(int[] indices) {
        float[] flat = new float[indices.length * PIXELS];
        for (int row = 0; row < indices.length; row++) {
            copyInto(indices[row], flat, row * PIXELS);
        }
        return Nd4j.create(flat, new long[] {indices.length, PIXELS}, 'c');
    }

    INDArray oneHotLabels(int[] indices) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, indices.length, dataset.classCount());
        for (int row = 0; row < indices.length; row++) {
            oneHot.putScalar(row, labels[indices[row]], 1f);
        }
        return oneHot;
    }

    /** The first {@code count} images (or all, if fewer), one row each: e.g. a fixed evaluation subset. */
    public float[][] firstImages(int count) {
        float[][] images = new float[Math.min(count, size())][];
        for (int i = 0; i < images.length; i++) {
            images[i] = image(i);
        }
        return images;
    }

    public int[] firstLabels(int count) {
        int[] labels = new int[Math.min(count, size())];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    public ImageSet subset(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("Subset [" + from + ", " + to + ") of a set of " + size());
        }
        return select(IntStream.range(from, to).toArray());
    }

    public ImageSet ofClass(int classIndex) {
        if (classIndex < 0 || classIndex >= dataset.classCount()) {
            throw new IllegalArgumentException("Class " + classIndex + " does not exist in " + dataset.slug());
        }
        return select(IntStream.range(0, size()).filter(i -> labels[i] == classIndex).toArray());
    }

    public ImageSet select(int[] indices) {
        byte[] chosenPixels = new byte[indices.length * PIXELS];
        int[] chosenLabels = new int[indices.length];
        for (int row = 0; row < indices.length; row++) {
            checkIndex(indices[row]);
            System.arraycopy(pixels, indices[row] * PIXELS, chosenPixels, row * PIXELS, PIXELS);
            chosenLabels[row] = labels[indices[row]];
        }
        return new ImageSet(dataset, chosenPixels, chosenLabels);
    }

    /**
     * This set without every image whose pixels equal one of {@code other}'s, whatever its label: what a
     * larger set keeps once the images a game shows are held out of training.
     */
    public ImageSet without(ImageSet other) {
        Set<ByteBuffer> excluded = new HashSet<>();
        for (int i = 0; i < other.size(); i++) {
            excluded.add(other.pixelBytes(i));
        }
        return select(IntStream.range(0, size()).filter(i -> !excluded.contains(pixelBytes(i))).toArray());
    }

    private ByteBuffer pixelBytes(int i) {
        return ByteBuffer.wrap(pixels, i * PIXELS, PIXELS).slice();
    }

    /** How many images each class has. */
    public int[] classCounts() {
        int[] counts = new int[dataset.classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Mini-batches in an order reshuffled every epoch from {@code shuffleSeed}, for training. */
    public ImageBatches batches(int batchSize, long shuffleSeed) {
        return new ImageBatches(this, batchSize, shuffleSeed);
    }

    int[] labels() {
        return Arrays.copyOf(labels, labels.length);
    }

    private void copyInto(int i, float[] target, int offset) {
        int base = i * PIXELS;
        for (int p = 0; p < PIXELS; p++) {
            target[offset + p] = Byte.toUnsignedInt(pixels[base + p]) * SCALE;
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("Image " + i + " of a set of " + labels.length);
        }
    }
}
