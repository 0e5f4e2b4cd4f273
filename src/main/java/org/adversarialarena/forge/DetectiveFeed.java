package org.adversarialarena.forge;

import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Announces that a detective (a dataset's global one or a run's class detective) saw a forgery or learned,
 * with its version. Every node that hears it counts the stored forgeries it has not counted yet, takes up
 * a newer checkpoint if the version says there may be one ({@link LiveDetectives}), and reloads the status
 * its screens show (see {@link ForgeService#followDetective}).
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
