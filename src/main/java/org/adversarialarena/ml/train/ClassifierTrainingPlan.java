package org.adversarialarena.ml.train;

/**
 * How a classifier is trained.
 *
 * @param epochs       passes over the training set
 * @param batchSize    images per step
 * @param seed         seeds the weights, the batch order and the augmentation
 * @param maxShift     random shift augmentation in pixels (0 turns it off)
 * @param learningRate Adam's step size in the first epoch
 * @param learningRateDecay factor applied to the step size after every epoch (1 keeps it constant)
 */
public record ClassifierTrainingPlan(int epochs, int batchSize, long seed, int maxShift, double learningRate,
        double learningRateDecay) {

    public ClassifierTrainingPlan(int epochs, int batchSize, long seed, int maxShift, double learningRate) {
        this(epochs, batchSize, seed, maxShift, learningRate, 1.0);
    }

    public ClassifierTrainingPlan {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Epochs and batch size must be positive");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Learning rate must be a positive number, was " + learningRate);
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("Learning rate decay must be in (0, 1], was " + learningRateDecay);
        }
    }
}
