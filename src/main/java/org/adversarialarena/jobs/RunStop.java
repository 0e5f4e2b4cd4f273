package org.adversarialarena.jobs;

/** Why a running job stops between two steps, and whether it checkpoints first so that the run can go on later. */
enum RunStop {
    /** The owner cancelled: the run is over. */
    CANCEL(false),
    /** The owner paused: checkpoint, then wait for a resume. */
    PAUSE(true),
    /** Another node took the run over (this one missed its heartbeats): write nothing more. */
    TAKEN_OVER(false),
    /** This node shuts down: checkpoint and hand the run back to the queue for any node. */
    NODE_STOPPING(true);

    private final boolean checkpointFirst;

    RunStop(boolean checkpointFirst) {
        this.checkpointFirst = checkpointFirst;
    }

    boolean checkpointFirst() {
        return checkpointFirst;
    }
}
