package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code competition-defense} task beside {@code competition-evaluation}: a defense records its own
 * failure, so the task does not retry; a node that dies mid-training has the execution revived on
 * another node, which trains the recipe again from its start (a defense takes minutes).
 */
@Configuration
@EnableConfigurationProperties(DefenseQuota.class)
class DefenseTaskConfiguration {

    @Bean
    Task<Void> competitionDefenseTask(DefenseJob job) {
        return Tasks.oneTime(DefenseQueue.TASK, Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> job.run(Long.parseLong(instance.getId()),
                        () -> context.getSchedulerState().isShuttingDown()));
    }
}
