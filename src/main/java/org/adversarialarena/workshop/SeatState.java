package org.adversarialarena.workshop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A seat as the host sees it: the nickname, the private student id (only the host's screens and the
 * export show it), whether the seat is taken, its points so far in rounds that count, and its team
 * (null in a workshop without teams).
 */
public record SeatState(long id, String nickname, @Nullable String studentId, SeatStatus status, double points,
        Instant joined, @Nullable Integer team) {

    public boolean active() {
        return status == SeatStatus.ACTIVE;
    }
}
