package org.adversarialarena.competition.forgetrack;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code competition-forge} task, on the training lane beside the matrix (judging every forgery of
 * a long contest is one batch per entrant's window, not a request's work). A failure is retried later
 * by db-scheduler's default for one-time tasks; a node that dies has the execution revived elsewhere.
 */
@Configuration
class ForgeContestTaskConfiguration {

    @Bean
    Task<Void> competitionForgeTask(ForgeContestJob job) {
        return Tasks.oneTime(ForgeContestQueue.TASK, Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> job.judge(ForgeContestQueue.competitionOf(instance.getId())));
    }
}
