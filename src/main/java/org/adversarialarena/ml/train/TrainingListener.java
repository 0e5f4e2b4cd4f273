package org.adversarialarena.ml.train;

/**
 * Receives progress from a training run. Runs on the training thread, so implementations that
 * touch a UI must hand the update over (the app does so through Vaadin Push).
 */
@FunctionalInterface
public interface TrainingListener {

    void onProgress(TrainingProgress progress);

    static TrainingListener none() {
        return progress -> { };
    }
}
