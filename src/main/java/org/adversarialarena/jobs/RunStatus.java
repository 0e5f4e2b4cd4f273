package org.adversarialarena.jobs;

/** Where a run stands. The last four are final; a paused run resumes from its checkpoint. */
public enum RunStatus {
    /** Waiting for a worker, or for its next try after a failure. */
    QUEUED,
    RUNNING,
    /** Stopped at a checkpoint on its owner's request. */
    PAUSED,
    CANCELLED,
    /** Failed more often than retries allow; the reason says why. */
    FAILED,
    /** Its losses became NaN or exploded; its last good checkpoint is kept. */
    DIVERGED,
    FINISHED;

    public boolean isFinal() {
        return this == CANCELLED || this == FAILED || this == DIVERGED || this == FINISHED;
    }

    /** Counts against its owner's quota of running runs. */
    boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
