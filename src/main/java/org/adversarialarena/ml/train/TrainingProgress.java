package org.adversarialarena.ml.train;

import java.util.Map;

/**
 * One progress report of a training run.
 *
 * @param model      the name of the model being trained
 * @param step       steps (iterations) done so far
 * @param totalSteps steps the run will take in all
 * @param loss       the latest training loss (for a GAN: the discriminator's)
 * @param metrics    further named figures of the latest step (e.g. generator loss, mean D(x))
 */
public record TrainingProgress(String model, long step, long totalSteps, double loss, Map<String, Double> metrics) {

    public TrainingProgress {
        metrics = Map.copyOf(metrics);
    }

    public double fraction() {
        return totalSteps == 0 ? 0 : Math.min(1.0, (double) step / totalSteps);
    }
}
