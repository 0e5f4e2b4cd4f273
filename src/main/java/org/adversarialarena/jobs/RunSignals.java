package org.adversarialarena.jobs;

import org.jspecify.annotations.Nullable;

/**
 * What a running job reads before each step: whether to stop, whether the run is still its own, at
 * which pace to go and which single steps wait to be taken, as of the run row's {@code version}.
 */
record RunSignals(boolean cancelRequested, boolean pauseRequested, int attempt, RunPace pace,
        int pendingDiscriminatorSteps, int pendingGeneratorSteps, long version) {

    /** The next single step to take, D before G; null if none is ordered. */
    @Nullable StepOrder nextOrder() {
        if (pendingDiscriminatorSteps > 0) {
            return StepOrder.DISCRIMINATOR;
        }
        return pendingGeneratorSteps > 0 ? StepOrder.GENERATOR : null;
    }
}
