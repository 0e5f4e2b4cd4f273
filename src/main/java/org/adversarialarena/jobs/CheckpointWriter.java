package org.adversarialarena.jobs;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes one run's checkpoints off the training thread, one at a time: zipping and storing a GAN's
 * networks takes hundreds of milliseconds, which the run's next iterations need not wait for. The
 * training thread hands over a copy taken between two steps; a checkpoint due while the previous
 * one is still being written waits for it, and the run ends only after its last write landed.
 */
final class CheckpointWriter {

    private final ExecutorService writer;
    private final long runId;
    private @Nullable Future<Boolean> pending;

    CheckpointWriter(ExecutorService writer, long runId) {
        this.writer = writer;
        this.runId = runId;
    }

    /** Queues {@code write} (true if stored, false if the run was taken over) after the previous write. */
    void submit(BooleanSupplier write) {
        awaitPending();
        pending = writer.submit(write::getAsBoolean);
    }

    /**
     * Waits for the write in progress, if any.
     *
     * @throws RunStoppedException (taken over) if it found the run no longer this attempt's
     */
    void awaitPending() {
        Future<Boolean> write = pending;
        if (write == null) {
            return;
        }
        pending = null;
        boolean stored;
        try {
            stored = write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerInterruptedException(runId);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Checkpoint of training run " + runId + " failed", e.getCause());
        }
        if (!stored) {
            throw new RunStoppedException(RunStop.TAKEN_OVER, 0);
        }
    }
}
