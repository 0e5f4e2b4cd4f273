package org.adversarialarena.fool;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes challenges that expired without a submission, so asking for images leaves nothing behind.
 * A cheap delete on every node (a second node deletes nothing), not background work for the job
 * engine. Only challenges that expired a whole period ago go, so a node whose clock runs ahead
 * cannot delete one that another node is still recording an attempt for.
 */
@Component
class ExpiredChallengePurge {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredChallengePurge.class);

    private final AttemptLedger ledger;
    private final FoolProperties properties;
    private final Clock clock;

    ExpiredChallengePurge(AttemptLedger ledger, FoolProperties properties, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many challenges were deleted. */
    @Scheduled(fixedDelayString = "${arena.fool.purge-every:10m}", initialDelayString = "${arena.fool.purge-every:10m}")
    int purge() {
        int deleted = ledger.purgeExpired(clock.instant().minus(properties.purgeEvery()));
        if (deleted > 0) {
            LOG.debug("Deleted {} expired Fool challenges that were never submitted", deleted);
        }
        return deleted;
    }
}
