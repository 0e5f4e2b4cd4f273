package org.adversarialarena.workshop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One seat's round as the server judged it: the counted points (0 in a round without points), the
 * norms of the change (0 on a Forge round), when it was submitted; {@code submitted} null when the
 * student did not submit. A Fool round's entry points at its attempt, a Forge round's at its forgery;
 * {@code success} is "fooled the model" in Fool and "fooled the class detective and the classifier" in Forge.
 */
public record EntryResult(long seatId, int roundIndex, @Nullable Long attemptId, boolean success, double points, int l0,
        float l2, float linf, Instant issued, @Nullable Instant submitted, @Nullable Long forgeryId) {

    public boolean didSubmit() {
        return submitted != null;
    }
}
