package org.adversarialarena.workshop;

/** Where a run is: students gather in the lobby, a round is open (or paused), its reveal, the end. */
public enum Phase {
    LOBBY, OPEN, PAUSED, CLOSED, FINISHED;

    /** A round is under way: students play, or wait for it to go on. */
    public boolean inRound() {
        return this == OPEN || this == PAUSED;
    }
}
