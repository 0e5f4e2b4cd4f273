package org.adversarialarena.competition;

/** Where a defense is: waiting for a worker, training, being attacked by the referee, judged, failed or cancelled. */
public enum DefenseStatus {
    QUEUED, TRAINING, EVALUATING, SCORED, FAILED, CANCELLED;

    public boolean active() {
        return this == QUEUED || this == TRAINING || this == EVALUATING;
    }
}
