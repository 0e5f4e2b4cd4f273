package org.adversarialarena.competition;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.adversarialarena.ml.train.BatchTransform;
import org.adversarialarena.ml.train.TrainingCancelledException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Wraps a recipe's batch transform to see every training step: before each batch it asks whether
 * the defense should stop (its owner cancelled it, or the node is shutting down), and it reports the
 * step reached. The trainer's own hook fires only every few steps; the stop should not wait for it.
 */
final class DefenseTrainingSteps implements BatchTransform {

    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final BatchTransform inner;
    private final BooleanSupplier stop;
    private final IntConsumer progress;
    private int step;
    private long reportedAt = System.nanoTime();

    DefenseTrainingSteps(BatchTransform inner, BooleanSupplier stop, IntConsumer progress) {
        this.inner = inner;
        this.stop = stop;
        this.progress = progress;
    }

    @Override
    public DataSet apply(DataSet batch, MultiLayerNetwork network, int epoch) {
        if (stop.getAsBoolean()) {
            throw new TrainingCancelledException();
        }
        step++;
        if (System.nanoTime() - reportedAt >= REPORT_EVERY_NANOS) {
            reportedAt = System.nanoTime();
            progress.accept(step);
        }
        return inner.apply(batch, network, epoch);
    }
}
