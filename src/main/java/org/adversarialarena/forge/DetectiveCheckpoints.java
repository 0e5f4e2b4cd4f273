package org.adversarialarena.forge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.detective.DetectiveCheckpoint;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Detective checkpoints in PostgreSQL: the latest few per scope (a dataset's global detective, or a run's class detective). */
@Service
@Transactional
class DetectiveCheckpoints {

    private final StoredCheckpointRepository checkpoints;
    private final Clock clock;
    // Checkpoints of detectives that went live from another shipped pair are not this pair's detective.
    private final ModelCatalog models;

    DetectiveCheckpoints(StoredCheckpointRepository checkpoints, Clock clock, ModelCatalog models) {
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.models = models;
    }

    /**
     * Stores {@code checkpoint} (whose counters include the scope's forgeries up to {@code lastForgeryId})
     * if {@code lease} holds the scope's training lease, then forgets all but the newest {@code keep};
     * returns whether it stored it. A version stored already only has its counters brought up to date. The
     * lease stays locked until the commit, so a node that lost it (paused past its expiry, say) never
     * overwrites its successor's work.
     */
    boolean save(DetectiveScope scope, DetectiveCheckpoint checkpoint, long lastForgeryId, int keep, TrainingLease lease) {
        if (!lease.heldForThisTransaction(scope)) {
            return false;
        }
        String dataset = checkpoint.dataset().slug();
        int gan = models.ganVersion(checkpoint.dataset());
        if (checkpoints.exists(dataset, scope.runKey(), gan, checkpoint.version())) {
            checkpoints.updateCounters(dataset, scope.runKey(), gan, checkpoint.version(), checkpoint.forgeriesSeen(),
                    StoredCheckpoint.catches(checkpoint), checkpoint.rollbacks(), lastForgeryId);
            return false;
        }
        checkpoints.save(new StoredCheckpoint(scope, gan, checkpoint, lastForgeryId, clock.instant()));
        List<Long> newest = checkpoints.versions(dataset, scope.runKey(), gan, Limit.of(keep));
        if (newest.size() == keep) {
            checkpoints.deleteOlderThan(dataset, scope.runKey(), gan, newest.get(keep - 1));
        }
        return true;
    }

    /** The scope's own latest checkpoint. */
    @Transactional(readOnly = true)
    Optional<StoredDetective> latest(DetectiveScope scope) {
        return checkpoints.newest(scope.dataset().slug(), scope.runKey(), models.ganVersion(scope.dataset()), Limit.of(1))
                .stream().findFirst().map(stored -> new StoredDetective(stored.toCheckpoint(), stored.getLastForgeryId()));
    }

    /** The version of the scope's latest checkpoint, 0 if it has none: a cheap look before loading one. */
    @Transactional(readOnly = true)
    long newestVersion(DetectiveScope scope) {
        return checkpoints.versions(scope.dataset().slug(), scope.runKey(), models.ganVersion(scope.dataset()), Limit.of(1))
                .stream().findFirst().orElse(0L);
    }

    /**
     * Where a detective goes live from: its own latest checkpoint; for a class detective without one yet,
     * the global detective's latest network with nothing counted (so the class starts against what the
     * world has taught it, and counts only its own forgeries).
     */
    @Transactional(readOnly = true)
    Optional<StoredDetective> startingPoint(DetectiveScope scope) {
        Optional<StoredDetective> own = latest(scope);
        if (own.isPresent() || scope.isGlobal()) {
            return own;
        }
        return latest(DetectiveScope.global(scope.dataset()))
                .map(global -> new StoredDetective(global.checkpoint().withoutCounters(), 0));
    }
}
