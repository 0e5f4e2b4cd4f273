package org.adversarialarena.fool.ui;

/**
 * How far an image is from fooling the visible model, as a logit gap: for an untargeted goal, the true
 * class's logit minus the best other class's; for a targeted goal, the best non-target class's logit
 * minus the target's. Positive means not fooled yet, zero is the decision boundary. Unlike a
 * probability, which reads "100.0 %" for many strokes on a confident image, the gap moves with every
 * stroke. Logit differences are ratios of softmax probabilities, so they come from the probabilities.
 */
record FoolingDistance(double gap) {

    /** The smallest probability taken into account: a float softmax output below it is zero. */
    private static final double FLOOR = 1e-45;

    static FoolingDistance of(float[] probabilities, int trueClass, int targetClass) {
        if (targetClass >= 0) {
            return new FoolingDistance(log(bestExcept(probabilities, targetClass)) - log(probabilities[targetClass]));
        }
        return new FoolingDistance(log(probabilities[trueClass]) - log(bestExcept(probabilities, trueClass)));
    }

    /** Change from an earlier reading: negative means closer to fooling. */
    double since(FoolingDistance earlier) {
        return gap - earlier.gap;
    }

    private static double bestExcept(float[] probabilities, int excluded) {
        double best = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (i != excluded) {
                best = Math.max(best, probabilities[i]);
            }
        }
        return best;
    }

    private static double log(double probability) {
        return Math.log(Math.max(FLOOR, probability));
    }
}
