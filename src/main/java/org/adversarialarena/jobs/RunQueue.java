package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts runs on db-scheduler's queue and takes them off: one execution of the {@code training-run}
 * task per run, its instance id the run's id. Scheduling joins the caller's transaction (the client
 * works on Spring's transaction-aware data source), so a run row and its execution commit together.
 */
@Component
class RunQueue {

    static final String TASK = "training-run";

    // Lazy: the scheduler is built from the task beans, whose job writes through the store that uses this queue.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    RunQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void enqueue(long runId) {
        scheduler.getObject().schedule(new TaskInstance<Void>(TASK, Long.toString(runId)), clock.instant());
    }

    /** Takes a run's execution off the queue if it is still there (a picked one ends at its next step instead). */
    void dequeue(long runId) {
        SchedulerClient client = scheduler.getObject();
        TaskInstanceId id = TaskInstanceId.of(TASK, Long.toString(runId));
        if (client.getScheduledExecution(id).filter(execution -> !execution.isPicked()).isPresent()) {
            client.cancel(id);
        }
    }
}
