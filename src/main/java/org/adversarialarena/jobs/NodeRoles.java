package org.adversarialarena.jobs;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start what this node does for the job engine, and warns when a node declared a GPU node
 * runs ND4J on its CPU (no CUDA 11.6 runtime, or a GPU the CUDA build cannot drive): such a node
 * would take GPU work and train it slowly. Routing by node class is in docs/jobs.md.
 */
@Component
class NodeRoles {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRoles.class);

    private final JobsProperties properties;

    NodeRoles(JobsProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!properties.worker()) {
            LOG.info("Job engine: this node queues training runs and trains none (arena.jobs.worker=false)");
            return;
        }
        // Only a worker touches ND4J here: a web-only node need not load its natives for this.
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        LOG.info("Job engine: this node trains runs (gpu={}, ND4J backend {})", properties.gpu(), backend);
        if (properties.gpu() && !backend.toLowerCase(java.util.Locale.ROOT).contains("cuda")) {
            LOG.warn("arena.jobs.gpu=true but ND4J runs on {}: build with -Pcuda on a machine with CUDA 11.6 and a GPU"
                    + " of compute capability 3.7-8.6 (docs/jobs.md)", backend);
        }
    }
}
