package org.adversarialarena.benchmark;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;

/**
 * The same inputs for both frameworks: real MNIST training digits in fixed batches of 64, as plain
 * float arrays (flat rows of 784 pixels) and labels.
 */
final class Workload {

    static final int BATCH = 64;
    static final int BATCHES = 40;

    final float[][] batchPixels = new float[BATCHES][];
    final int[][] batchLabels = new int[BATCHES][];
    final float[] singleImage;
    final int singleLabel;

    Workload() {
        ImageSet train = Datasets.load(DatasetId.MNIST).train();
        for (int b = 0; b < BATCHES; b++) {
            batchPixels[b] = new float[BATCH * 784];
            batchLabels[b] = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                int index = b * BATCH + i;
                System.arraycopy(train.image(index), 0, batchPixels[b], i * 784, 784);
                batchLabels[b][i] = train.label(index);
            }
        }
        singleImage = Datasets.load(DatasetId.MNIST).test().image(0);
        singleLabel = Datasets.load(DatasetId.MNIST).test().label(0);
    }
}
