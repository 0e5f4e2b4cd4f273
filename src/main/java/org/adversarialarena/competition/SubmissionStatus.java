package org.adversarialarena.competition;

/** Where a submission is: waiting for a worker, being evaluated, scored, or failed (which costs no submission). */
public enum SubmissionStatus {
    QUEUED,
    EVALUATING,
    SCORED,
    FAILED;

    /** Whether it counts against the caps: everything but a failed evaluation. */
    public boolean counts() {
        return this != FAILED;
    }
}
