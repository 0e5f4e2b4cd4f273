package org.adversarialarena.ml.data;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Mini-batches of an {@link ImageSet} as DL4J expects them, built on demand from the set's bytes so
 * that an epoch never holds the whole set as floats. Every {@link #reset()} starts a new epoch in a
 * new order, drawn from the seed, so a training run is repeatable.
 */
public final class ImageBatches implements DataSetIterator {

    private final ImageSet images;
    private final int batchSize;
    private final Random random;
    private int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    ImageBatches(ImageSet images, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, was " + batchSize);
        }
        this.images = images;
        this.batchSize = batchSize;
        this.random = new Random(seed);
        shuffle();
    }

    @Override
    public DataSet next(int num) {
        int end = Math.min(cursor + num, order.length);
        int[] indices = java.util.Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        DataSet batch = new DataSet(images.features(indices), images.oneHotLabels(indices));
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public void reset() {
        shuffle();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int inputColumns() {
        return org.adversarialarena.ml.image.ImagePixels.COUNT;
    }

    @Override
    public int totalOutcomes() {
        return images.dataset().classCount();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return images.dataset().classNames();
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return (images.size() + batchSize - 1) / batchSize;
    }

    private void shuffle() {
        order = new int[images.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        cursor = 0;
    }
}
