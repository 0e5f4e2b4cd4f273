package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.adversarialarena.jobs.ShortJobLane;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts submissions on the job engine's short lane: one execution of the {@code competition-evaluation}
 * task per submission, its instance id the submission's id. Scheduling joins the caller's transaction (the
 * client works on Spring's transaction-aware data source), so a submission and its evaluation commit
 * together.
 */
@Component
class EvaluationQueue {

    static final String TASK = "competition-evaluation";

    // Lazy: the lane is built from the task beans, whose job writes through the store.
    private final ObjectProvider<ShortJobLane> lane;
    private final Clock clock;

    EvaluationQueue(ObjectProvider<ShortJobLane> lane, Clock clock) {
        this.lane = lane;
        this.clock = clock;
    }

    void enqueue(long submissionId) {
        lane.getObject().client().schedule(new TaskInstance<Void>(TASK, Long.toString(submissionId)), clock.instant());
    }
}
