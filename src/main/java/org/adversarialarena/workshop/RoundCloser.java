package org.adversarialarena.workshop;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes rounds at their deadline, on every node, from the deadline stored in PostgreSQL: after a
 * restart the next check closes a round that ran out meanwhile, and a round still running keeps its
 * deadline. A check every half second is one indexed query; db-scheduler was not used because it
 * runs only on worker nodes and polls every 2 s, too coarse for a class watching a countdown.
 */
@Component
class RoundCloser {

    private final WorkshopService workshops;

    RoundCloser(WorkshopService workshops) {
        this.workshops = workshops;
    }

    @Scheduled(fixedDelayString = "${arena.workshops.close-check:500ms}")
    void closeDueRounds() {
        workshops.closeDueRounds();
    }
}
