package org.adversarialarena.workshop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A seat as the host sees it: the nickname, the private student id (only the host's screens and the
 * export show it), whether the seat is taken, and its points so far in rounds that count.
 */
public record SeatState(long id, String nickname, @Nullable String studentId, SeatStatus status, double points,
        Instant joined) {

    public boolean active() {
        return status == SeatStatus.ACTIVE;
    }
}
