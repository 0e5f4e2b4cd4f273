package org.adversarialarena.jobs;

import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Asked before every step of a run whether to stop: its owner's flags, its attempt, its node's state. */
final class StepGuard {

    private final TrainingRunStore store;
    private final long runId;
    private final int attempt;
    private final BooleanSupplier nodeStopping;

    StepGuard(TrainingRunStore store, long runId, int attempt, BooleanSupplier nodeStopping) {
        this.store = store;
        this.runId = runId;
        this.attempt = attempt;
        this.nodeStopping = nodeStopping;
    }

    /** Why to stop now, or null to go on. */
    @Nullable RunStop check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new WorkerInterruptedException(runId);
        }
        RunSignals signals = store.signals(runId);
        if (signals.attempt() != attempt) {
            return RunStop.TAKEN_OVER;
        }
        if (signals.cancelRequested()) {
            return RunStop.CANCEL;
        }
        if (signals.pauseRequested()) {
            return RunStop.PAUSE;
        }
        return nodeStopping.getAsBoolean() ? RunStop.NODE_STOPPING : null;
    }

    long runId() {
        return runId;
    }

    int attempt() {
        return attempt;
    }
}
