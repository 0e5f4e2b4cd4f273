package org.adversarialarena.competition;

/** Where a cross-evaluation matrix stands: queued, being computed, done, or failed with its reason. */
public enum MatrixStatus {
    QUEUED, COMPUTING, DONE, FAILED
}
