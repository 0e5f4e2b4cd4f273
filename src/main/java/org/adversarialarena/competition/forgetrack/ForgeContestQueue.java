package org.adversarialarena.competition.forgetrack;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts a Forge track's final judging on the job engine's training lane: one execution at the
 * competition's end (instance {@code end-<id>}), scheduled in the hosting transaction.
 */
@Component
class ForgeContestQueue {

    static final String TASK = "competition-forge";
    private static final String AT_END = "end-";

    private final ObjectProvider<SchedulerClient> scheduler;

    ForgeContestQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void atEnd(long competitionId, Instant endsAt) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, AT_END + competitionId), endsAt);
    }

    static long competitionOf(String instanceId) {
        return Long.parseLong(instanceId.substring(AT_END.length()));
    }
}
