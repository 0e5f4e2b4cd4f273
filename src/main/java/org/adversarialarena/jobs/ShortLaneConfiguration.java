package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the {@link ShortJobLane}. On a worker its scheduler is built by the starter's own
 * {@code DbSchedulerConfigurationSupport.buildScheduler} from the {@code db-scheduler.*} settings, so it
 * gets the same transaction-aware data source, serializer, clock, node name, heartbeats, priority and
 * shutdown wait as the training scheduler; only its table, threads and polling interval differ, and it
 * knows only the {@link ShortLaneTask}s. It is a bean of its own type: the starter's {@code Scheduler}
 * (built only if no other {@code Scheduler} bean exists) and every {@code SchedulerClient} injection
 * point stay as they were.
 */
@Configuration
class ShortLaneConfiguration {

    @Bean(destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    ShortJobLane shortJobLane(JobsProperties jobs, DataSource dataSource, List<ShortLaneTask> shortTasks,
            Environment environment, ObjectProvider<DbSchedulerCustomizer> customizers, ObjectProvider<Clock> clocks) {
        List<Task<?>> tasks = shortTasks.stream().<Task<?>>map(ShortLaneTask::task).toList();
        DbSchedulerCustomizer customizer = customizers.getIfAvailable(() -> new DbSchedulerCustomizer() { });
        if (!jobs.worker()) {
            return ShortJobLane.queueOnly(SchedulerClient.Builder
                    .create(DbSchedulerConfigurationSupport.configureDataSource(customizer.dataSource().orElse(dataSource)),
                            tasks)
                    .tableName(ShortJobLane.TABLE)
                    .serializer(customizer.serializer().orElse(DbSchedulerConfigurationSupport.SPRING_JAVA_SERIALIZER))
                    .build());
        }
        DbSchedulerProperties settings = Binder.get(environment).bind("db-scheduler", DbSchedulerProperties.class)
                .orElseGet(DbSchedulerProperties::new);
        settings.setTableName(ShortJobLane.TABLE);
        settings.setThreads(jobs.shortThreads());
        settings.setPollingInterval(jobs.shortPollingInterval());
        // No stats registry or listeners: the starter's metrics describe the training scheduler only.
        return ShortJobLane.worker(DbSchedulerConfigurationSupport.buildScheduler(settings, customizer, StatsRegistry.NOOP,
                clocks.getIfAvailable(SystemClock::new), dataSource, tasks, List.of(), List.of()));
    }
}
