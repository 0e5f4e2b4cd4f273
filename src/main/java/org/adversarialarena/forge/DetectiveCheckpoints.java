package org.adversarialarena.forge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    DetectiveCheckpoints(StoredCheckpointRepository checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Stores {@code checkpoint} unless its version is stored already, then forgets all but the newest
     * {@code keep}; returns whether it stored it.
     */
    boolean save(DetectiveScope scope, DetectiveCheckpoint checkpoint, int keep) {
        String dataset = checkpoint.dataset().slug();
        if (checkpoints.exists(dataset, scope.runKey(), checkpoint.version())) {
            return false;
        }
        checkpoints.save(new StoredCheckpoint(scope, checkpoint, clock.instant()));
        List<Long> newest = checkpoints.versions(dataset, scope.runKey(), Limit.of(keep));
        if (newest.size() == keep) {
            checkpoints.deleteOlderThan(dataset, scope.runKey(), newest.get(keep - 1));
        }
        return true;
    }

    /** The scope's own latest checkpoint. */
    @Transactional(readOnly = true)
    Optional<DetectiveCheckpoint> latest(DetectiveScope scope) {
        return checkpoints.newest(scope.dataset().slug(), scope.runKey(), Limit.of(1)).stream().findFirst()
                .map(StoredCheckpoint::toCheckpoint);
    }

    /**
     * Where a detective goes live from: its own latest checkpoint; for a class detective without one yet,
     * the global detective's latest (so the class starts against what the world has taught it).
     */
    @Transactional(readOnly = true)
    Optional<DetectiveCheckpoint> startingPoint(DetectiveScope scope) {
        Optional<DetectiveCheckpoint> own = latest(scope);
        return own.isPresent() || scope.isGlobal() ? own : latest(DetectiveScope.global(scope.dataset()));
    }
}
