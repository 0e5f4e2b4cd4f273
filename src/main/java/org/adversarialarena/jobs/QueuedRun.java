package org.adversarialarena.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run in the queue as the admin sees it.
 *
 * @param ownerName the owning account's address or the player's nickname (none for the system's runs)
 * @param node     the node that trains it (or last trained it), if any yet
 * @param priority higher is taken first among the waiting runs ({@link TrainingQueue#MIN_PRIORITY} to
 *                 {@link TrainingQueue#MAX_PRIORITY}, 0 by default)
 */
public record QueuedRun(long id, RunKind kind, RunStatus status, int step, int totalSteps, @Nullable String node,
        int priority, Instant submitted, RunOwner owner, @Nullable String ownerName) {
}
