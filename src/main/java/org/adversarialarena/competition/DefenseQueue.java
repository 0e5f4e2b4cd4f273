package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts defenses on db-scheduler's queue: one execution of the {@code competition-defense} task per
 * defense, its instance id the defense's id, scheduled in the caller's transaction (as
 * {@link EvaluationQueue} does for attack submissions).
 */
@Component
class DefenseQueue {

    static final String TASK = "competition-defense";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    DefenseQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void enqueue(long defenseId) {
        scheduler.getObject().schedule(new TaskInstance<Void>(TASK, Long.toString(defenseId)), clock.instant());
    }
}
