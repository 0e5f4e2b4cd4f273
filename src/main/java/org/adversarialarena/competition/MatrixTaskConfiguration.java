package org.adversarialarena.competition;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code competition-matrix} task, on the training lane: a matrix runs every final defense on
 * every final attack, which can take longer than the short lane allows. It records its own failure,
 * so the task does not retry; a node that dies has the execution revived elsewhere (it starts over).
 */
@Configuration
class MatrixTaskConfiguration {

    @Bean
    Task<Void> competitionMatrixTask(MatrixJob job) {
        return Tasks.oneTime(MatrixQueue.TASK, Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> job.compute(MatrixQueue.competitionOf(instance.getId()),
                        MatrixQueue.isAtEnd(instance.getId())));
    }
}
