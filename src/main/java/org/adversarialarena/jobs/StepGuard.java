package org.adversarialarena.jobs;

import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asked before every step of a run whether to stop: its owner's flags, its attempt, its node's state.
 * The answer comes from memory, so asking costs the training loop nothing; the flags are reread from
 * the run's row every {@code arena.jobs.signal-poll}, and at once when this node itself requests a
 * stop ({@link RunningJobs#refresh}), so a stop asked on the node that trains the run takes effect
 * before the next step, and one asked on another node within the poll interval.
 */
final class StepGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StepGuard.class);

    private final TrainingRunStore store;
    private final long runId;
    private final int attempt;
    private final BooleanSupplier nodeStopping;
    private volatile RunSignals signals;
    private @Nullable ScheduledFuture<?> polling;

    StepGuard(TrainingRunStore store, long runId, int attempt, BooleanSupplier nodeStopping) {
        this.store = store;
        this.runId = runId;
        this.attempt = attempt;
        this.nodeStopping = nodeStopping;
        this.signals = store.signals(runId);
    }

    void pollWith(ScheduledFuture<?> polling) {
        this.polling = polling;
    }

    /** Rereads the run's flags; a failed read keeps the last ones (the next poll tries again). */
    void refresh() {
        RunSignals read;
        try {
            read = store.signals(runId);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the stop flags of training run {}: {}", runId, e.toString());
            return;
        }
        synchronized (this) {
            // The poll and the job's own reread after a single step race: a read that started before the
            // step was counted must not undo the newer one, or the step is taken twice.
            if (read.version() >= signals.version()) {
                signals = read;
            }
            notifyAll();
        }
    }

    /** The flags, pace and ordered steps as last read. */
    RunSignals signals() {
        return signals;
    }

    /**
     * Waits until the run's signals are reread (a change announced, an order, the poll) or {@code millis}
     * pass: a held or slowed run sleeps here instead of spinning.
     */
    void awaitChange(long millis) {
        if (millis <= 0) {
            return;
        }
        synchronized (this) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerInterruptedException(runId);
            }
        }
    }

    /** Why to stop now, or null to go on. */
    @Nullable RunStop check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new WorkerInterruptedException(runId);
        }
        RunSignals current = signals;
        if (current.attempt() != attempt) {
            return RunStop.TAKEN_OVER;
        }
        if (current.cancelRequested()) {
            return RunStop.CANCEL;
        }
        if (current.pauseRequested()) {
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

    @Override
    public void close() {
        ScheduledFuture<?> poll = polling;
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
