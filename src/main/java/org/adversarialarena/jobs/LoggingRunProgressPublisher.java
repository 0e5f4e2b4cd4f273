package org.adversarialarena.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stands in for the live-update publisher until it is wired: logs run changes at debug level and publishes nothing. */
@Component
class LoggingRunProgressPublisher implements RunProgressPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRunProgressPublisher.class);

    @Override
    public void runChanged(long runId, long version) {
        LOG.debug("training run {} changed (version {})", runId, version);
    }
}
