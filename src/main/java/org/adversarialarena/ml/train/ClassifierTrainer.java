package org.adversarialarena.ml.train;

import java.time.Duration;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.ImageBatches;
import org.adversarialarena.ml.data.ShiftAugmentation;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.metrics.ClassifierEvaluation;
import org.adversarialarena.ml.model.ClassifierId;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains a classifier from scratch on a dataset's training split and measures it on the test
 * split. Between two steps it reports progress and honours cancellation, so the app can run it in
 * the background; a non-finite loss stops it at once.
 */
public final class ClassifierTrainer {

    private static final int REPORT_EVERY_STEPS = 20;

    private final TrainingListener listener;
    private final Cancellation cancellation;

    public ClassifierTrainer(TrainingListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    public TrainedClassifier train(ClassifierId id, DatasetSplit data, ClassifierTrainingPlan plan) {
        return train(id, data, plan, network -> BatchTransform.NONE);
    }

    /**
     * Trains with each batch rewritten by the transform that {@code transformFor} makes for the new
     * network (adversarial training needs the network it attacks).
     */
    public TrainedClassifier train(ClassifierId id, DatasetSplit data, ClassifierTrainingPlan plan,
            java.util.function.Function<MultiLayerNetwork, BatchTransform> transformFor) {
        return train(id, data, plan, id.architecture().newNetwork(plan.seed(),
                new ExponentialSchedule(ScheduleType.EPOCH, plan.learningRate(), plan.learningRateDecay())), transformFor);
    }

    /**
     * Trains {@code network} further: it keeps its own learning-rate schedule, which goes on from the
     * epochs it has already seen, while its optimiser's moments start afresh (saved models carry none).
     */
    public TrainedClassifier train(ClassifierId id, DatasetSplit data, ClassifierTrainingPlan plan, MultiLayerNetwork network,
            java.util.function.Function<MultiLayerNetwork, BatchTransform> transformFor) {
        if (data.train().dataset() != id.dataset()) {
            throw new IllegalArgumentException(id + " cannot be trained on " + data.train().dataset());
        }
        BatchTransform transform = transformFor.apply(network);
        ImageBatches batches = data.train().batches(plan.batchSize(), plan.seed());
        if (plan.maxShift() > 0) {
            batches.setPreProcessor(new ShiftAugmentation(plan.maxShift(), plan.seed()));
        }
        long totalSteps = (long) plan.epochs() * batches.batchesPerEpoch();
        long step = 0;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            batches.reset();
            while (batches.hasNext()) {
                cancellation.throwIfCancelled();
                FastPath.fit(network, transform.apply(batches.next(), network, epoch));
                step++;
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(id + " diverged at step " + step + " (loss " + loss + ")");
                }
                if (step % REPORT_EVERY_STEPS == 0 || step == totalSteps) {
                    listener.onProgress(new TrainingProgress(id.name(), step, totalSteps, loss,
                            Map.of("epoch", (double) epoch)));
                }
            }
            network.incrementEpochCount();
        }
        Duration trainingTime = Duration.ofNanos(System.nanoTime() - started);
        return new TrainedClassifier(id, network, ClassifierEvaluation.evaluate(network, data.test()), plan,
                data.train().size(), trainingTime);
    }
}
