package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts submissions on db-scheduler's queue: one execution of the {@code competition-evaluation} task
 * per submission, its instance id the submission's id. Scheduling joins the caller's transaction (the
 * client works on Spring's transaction-aware data source), so a submission and its evaluation commit
 * together.
 */
@Component
class EvaluationQueue {

    static final String TASK = "competition-evaluation";

    // Lazy: the scheduler is built from the task beans, whose job writes through the store.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    EvaluationQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void enqueue(long submissionId) {
        scheduler.getObject().schedule(new TaskInstance<Void>(TASK, Long.toString(submissionId)), clock.instant());
    }
}
