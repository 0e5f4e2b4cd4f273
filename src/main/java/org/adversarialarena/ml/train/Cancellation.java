package org.adversarialarena.ml.train;

/**
 * A flag a caller sets to stop a training run or a batch attack between two steps. Checked by the
 * worker, so the work stops at a consistent point and never leaves a half-updated network behind.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new TrainingCancelledException();
        }
    }
}
