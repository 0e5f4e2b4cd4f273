package org.adversarialarena.workshop;

/** A seat in a run: taken, or emptied by the host (kicked: may join again; banned: may not). */
public enum SeatStatus {
    ACTIVE, KICKED, BANNED
}
