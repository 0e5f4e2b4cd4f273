package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * The short lane: a second db-scheduler on its own table ({@value #TABLE}) with its own threads, for
 * jobs that take well under a second (competition evaluations). A training run holds one of the
 * training scheduler's threads for minutes, or for as long as the Lab holds it for single steps; a
 * short job queued behind it would wait that long. One table per class of work is how db-scheduler's
 * maintainer routes work (docs/jobs.md, "Node roles"). Worker nodes run the lane; web-only nodes only
 * queue on it.
 */
public final class ShortJobLane {

    public static final String TABLE = "scheduled_tasks_short";

    private static final Logger LOG = LoggerFactory.getLogger(ShortJobLane.class);

    private final SchedulerClient client;
    private final @Nullable Scheduler scheduler;

    private ShortJobLane(SchedulerClient client, @Nullable Scheduler scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    static ShortJobLane worker(Scheduler scheduler) {
        return new ShortJobLane(scheduler, scheduler);
    }

    static ShortJobLane queueOnly(SchedulerClient client) {
        return new ShortJobLane(client, null);
    }

    /** Schedules on the lane's table; joins the caller's transaction (transaction-aware data source). */
    public SchedulerClient client() {
        return client;
    }

    /** Whether this node executes the lane's jobs (a worker whose lane has started). */
    public boolean running() {
        return scheduler != null && scheduler.getSchedulerState().isStarted()
                && !scheduler.getSchedulerState().isShuttingDown();
    }

    // Like the starter's scheduler (delay-startup-until-context-ready): once the context, Flyway included, is up.
    @EventListener(ContextRefreshedEvent.class)
    void start() {
        if (scheduler != null && !scheduler.getSchedulerState().isStarted()
                && !scheduler.getSchedulerState().isShuttingDown()) {
            LOG.info("Job engine: starting the short lane on {}", TABLE);
            scheduler.start();
        }
    }

    /** Stops polling and waits (up to db-scheduler.shutdown-max-wait) for the jobs in hand. */
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
