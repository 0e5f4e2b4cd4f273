package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.task.Task;

/**
 * A db-scheduler task that runs on the short lane ({@link ShortJobLane}) rather than on the training
 * scheduler. Declared as a bean of this type, not as a {@link Task}, so that the Spring Boot starter,
 * which builds its scheduler from every {@code Task} bean, does not take it too.
 *
 * @param task the task; its executions must take well under a second, or they hold up the other short jobs
 */
public record ShortLaneTask(Task<?> task) {
}
