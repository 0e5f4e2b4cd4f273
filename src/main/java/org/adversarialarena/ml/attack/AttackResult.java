package org.adversarialarena.ml.attack;

import java.util.List;

/**
 * What an attack did to one image. {@code gradientSteps} counts backward passes through the model,
 * {@code queries} counts images whose output was asked for (forward passes, including those inside
 * gradient steps), so white-box and black-box attacks can be compared on cost. The trace is empty
 * for batch runs, which only need the outcome.
 */
public record AttackResult(
        String attack,
        AttackGoal goal,
        float[] original,
        float[] adversarial,
        boolean success,
        int predictedClass,
        float confidence,
        Perturbation perturbation,
        int gradientSteps,
        int queries,
        List<AttackStep> trace,
        long nanos) {

    public double millis() {
        return nanos / 1e6;
    }
}
