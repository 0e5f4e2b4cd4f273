package org.adversarialarena.forge;

import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Announces that a detective (a dataset's global one or a run's class detective) saw a forgery or learned. The detective still lives in each
 * node's memory, so a node that hears it reloads its own detective's status (see
 * {@link ForgeService#followDetective}); once detectives are shared, the same announcement will do.
 */
@Component
class DetectiveFeed {

    static final LiveTopic<DetectiveScope> TOPIC = LiveTopic.of("detective", DetectiveScope::key);

    private static final Logger log = LoggerFactory.getLogger(DetectiveFeed.class);

    private final LivePublisher publisher;

    DetectiveFeed(LivePublisher publisher) {
        this.publisher = publisher;
    }

    void publish(DetectiveScope scope, DetectiveStats stats) {
        try {
            publisher.publish(TOPIC, scope, stats.version());
        } catch (DataAccessException e) {
            // A submission is stored and judged already; a missed status only leaves screens a step behind.
            log.warn("{} detective: could not announce its new status", scope.key(), e);
        }
    }
}
