package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts cross-evaluations on the job engine's training lane: one execution at the competition's end
 * (instance {@code end-<id>}, scheduled when it is hosted) and one per request of its host
 * ({@code now-<id>}, at most one waiting). Scheduled in the caller's transaction.
 */
@Component
class MatrixQueue {

    static final String TASK = "competition-matrix";
    private static final String AT_END = "end-";
    private static final String NOW = "now-";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    MatrixQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void atEnd(long competitionId, Instant endsAt) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, AT_END + competitionId), endsAt);
    }

    void now(long competitionId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, NOW + competitionId), clock.instant());
    }

    static boolean isAtEnd(String instanceId) {
        return instanceId.startsWith(AT_END);
    }

    static long competitionOf(String instanceId) {
        return Long.parseLong(instanceId.substring(instanceId.indexOf('-') + 1));
    }
}
