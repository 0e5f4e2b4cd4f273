package org.adversarialarena.jobs;

import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Announces every change of a run to all nodes (PostgreSQL LISTEN/NOTIFY, ids only): pages that show
 * the run reload it, and the node that trains it sees a stop asked elsewhere before its next step.
 */
@Component
class LiveRunProgressPublisher implements RunProgressPublisher {

    /** A training run, named by its id. */
    static final LiveTopic<Long> TRAINING_RUN = LiveTopic.of("training-run", String::valueOf);

    private static final Logger LOG = LoggerFactory.getLogger(LiveRunProgressPublisher.class);

    private final LivePublisher live;

    LiveRunProgressPublisher(LivePublisher live) {
        this.live = live;
    }

    @Override
    public void runChanged(long runId, long version) {
        try {
            live.publish(TRAINING_RUN, runId, version);
        } catch (DataAccessException e) {
            // The change is committed; a page that missed it shows it at its next reload, and the training
            // node still polls its stop flags. Training must not stop for a lost announcement.
            LOG.warn("Training run {} changed (version {}) but could not be announced: {}", runId, version,
                    e.getMessage());
        }
    }
}
