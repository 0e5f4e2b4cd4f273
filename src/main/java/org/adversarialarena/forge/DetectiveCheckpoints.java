package org.adversarialarena.forge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveCheckpoint;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Detective checkpoints in PostgreSQL: the latest few per dataset. */
@Service
@Transactional
class DetectiveCheckpoints {

    private final StoredCheckpointRepository checkpoints;
    private final Clock clock;

    DetectiveCheckpoints(StoredCheckpointRepository checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Stores {@code checkpoint} unless its version is stored already, then forgets all but the newest {@code keep}. */
    void save(DetectiveCheckpoint checkpoint, int keep) {
        String dataset = checkpoint.dataset().slug();
        if (checkpoints.existsByDatasetAndVersion(dataset, checkpoint.version())) {
            return;
        }
        checkpoints.save(new StoredCheckpoint(checkpoint, clock.instant()));
        List<Long> newest = checkpoints.versions(dataset, Limit.of(keep));
        if (newest.size() == keep) {
            checkpoints.deleteOlderThan(dataset, newest.get(keep - 1));
        }
    }

    @Transactional(readOnly = true)
    Optional<DetectiveCheckpoint> latest(DatasetId dataset) {
        return checkpoints.findFirstByDatasetOrderByVersionDesc(dataset.slug()).map(StoredCheckpoint::toCheckpoint);
    }
}
