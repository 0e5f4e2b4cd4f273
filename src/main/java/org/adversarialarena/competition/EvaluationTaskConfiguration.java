package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.adversarialarena.jobs.ShortLaneTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code competition-evaluation} task, on the job engine's short lane (never behind a training run):
 * worker nodes run it, web-only nodes only queue it. An evaluation records its own failure, so the task
 * itself does not retry; a node that dies mid-evaluation has its execution revived on another node.
 */
@Configuration
class EvaluationTaskConfiguration {

    @Bean
    ShortLaneTask competitionEvaluationTask(EvaluationJob job) {
        return new ShortLaneTask(Tasks.oneTime(EvaluationQueue.TASK, Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> job.evaluate(Long.parseLong(instance.getId()))));
    }
}
