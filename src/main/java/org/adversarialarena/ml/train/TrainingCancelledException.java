package org.adversarialarena.ml.train;

/** Thrown out of a training run that was asked to stop through its {@link Cancellation}. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException() {
        super("Training was cancelled");
    }
}
