package org.adversarialarena.ml.gan;

/**
 * Sees every iteration of a GAN run, on the training thread, right after it: both networks are
 * consistent then, so this is where a caller checkpoints, checks a stop flag or applies its own
 * divergence rule. Throwing stops the run at that iteration.
 */
@FunctionalInterface
public interface GanIterationListener {

    /**
     * @param gan               the GAN being trained
     * @param iteration         the iteration just completed, from 1
     * @param discriminatorLoss D's loss in its last step of the iteration
     * @param generatorSignal   the sum of the error signal G received through D (its size tells a G step's strength)
     */
    void afterIteration(ConditionalGan gan, int iteration, double discriminatorLoss, double generatorSignal);

    static GanIterationListener none() {
        return (gan, iteration, discriminatorLoss, generatorSignal) -> { };
    }
}
