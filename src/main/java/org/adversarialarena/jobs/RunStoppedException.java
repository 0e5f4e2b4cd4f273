package org.adversarialarena.jobs;

/** Carries a {@link RunStop} out of the training loop, from the step where it was noticed. */
class RunStoppedException extends RuntimeException {

    private final RunStop stop;
    private final int step;

    RunStoppedException(RunStop stop, int step) {
        super(stop + " at step " + step, null, false, false);
        this.stop = stop;
        this.step = step;
    }

    RunStop stop() {
        return stop;
    }

    int step() {
        return step;
    }
}
