package org.adversarialarena.workshop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One seat's round as the server judged it: the counted points (0 in a round without points), the
 * norms of the change, when it was submitted; {@code submitted} null when the student did not submit.
 */
public record EntryResult(long seatId, int roundIndex, @Nullable Long attemptId, boolean success, double points, int l0,
        float l2, float linf, Instant issued, @Nullable Instant submitted) {

    public boolean didSubmit() {
        return submitted != null;
    }
}
