package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The {@code training-run} task for db-scheduler (whose Spring Boot starter builds and starts the
 * scheduler on worker nodes: {@code db-scheduler.enabled} follows {@code arena.jobs.worker}), and a
 * queue-only client for nodes that train nothing.
 */
@Configuration
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    Task<Void> trainingRunTask(TrainingJob job, TrainingRunStore store, JobsProperties properties) {
        FailureHandler<Void> backOff = new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2);
        FailureHandler<Void> retry = (complete, operations) -> {
            if (!interrupted(complete)) {
                store.failedTry(runId(complete), reason(complete));
            }
            backOff.onFailure(complete, operations);
        };
        return Tasks.custom(RunQueue.TASK, Void.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(), retry,
                        (complete, operations) -> store.failed(runId(complete), reason(complete))))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> job.execute(Long.parseLong(instance.getId()), context));
    }

    /** A web-only node queues runs but runs no scheduler. */
    @Bean
    @ConditionalOnProperty(name = "arena.jobs.worker", havingValue = "false")
    SchedulerClient queueOnlySchedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).build();
    }

    private static long runId(ExecutionComplete complete) {
        return Long.parseLong(complete.getExecution().taskInstance.getId());
    }

    private static boolean interrupted(ExecutionComplete complete) {
        return complete.getCause().filter(WorkerInterruptedException.class::isInstance).isPresent();
    }

    private static String reason(ExecutionComplete complete) {
        return complete.getCause().map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .orElse("failed without an exception");
    }
}
