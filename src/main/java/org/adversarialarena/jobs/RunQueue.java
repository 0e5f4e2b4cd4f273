package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    void enqueue(long runId, int priority) {
        scheduler.getObject().schedule(instance(runId, priority), clock.instant());
    }

    /**
     * Gives a run's waiting execution a new priority, keeping its due time; false if it has none waiting
     * (not queued, or already picked by a worker). db-scheduler cannot change an execution's priority in
     * place, so the execution is replaced, in the caller's transaction.
     */
    boolean reprioritise(long runId, int priority) {
        SchedulerClient client = scheduler.getObject();
        TaskInstanceId id = TaskInstanceId.of(TASK, Long.toString(runId));
        Optional<Instant> due = client.getScheduledExecution(id).filter(execution -> !execution.isPicked())
                .map(ScheduledExecution::getExecutionTime);
        if (due.isEmpty()) {
            return false;
        }
        try {
            client.cancel(id);
        } catch (TaskInstanceCurrentlyExecutingException picked) {
            return false;
        }
        client.schedule(instance(runId, priority), due.get());
        return true;
    }

    private static TaskInstance<Void> instance(long runId, int priority) {
        return new TaskInstance.Builder<Void>(TASK, Long.toString(runId)).priority(priority).build();
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
