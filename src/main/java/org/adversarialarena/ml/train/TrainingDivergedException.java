package org.adversarialarena.ml.train;

/** Training produced a non-finite loss; the network's weights can no longer be trusted. */
public class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
