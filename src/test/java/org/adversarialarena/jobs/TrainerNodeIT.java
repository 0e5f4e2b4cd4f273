package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.adversarialarena.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A trainer node starts the way README and docs/jobs.md say: the same application with no web server
 * and without Vaadin, a worker whose schedulers (training and the short lane) run. Nothing of the pages may be needed for it.
 */
class TrainerNodeIT {

    @Test
    void theApplicationStartsAsATrainerNodeWithoutAWebServer() {
        try (ConfigurableApplicationContext trainer = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .run("--spring.main.web-application-type=none",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                        "--db-scheduler.scheduler-name=trainer-1", "--arena.embedded-db.ephemeral=true")) {
            assertThat(trainer).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(trainer.getBean(JobsProperties.class).worker()).isTrue();
            assertThat(trainer.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();
            assertThat(trainer.getBean(ShortJobLane.class).running()).as("the short lane runs beside training").isTrue();
        }
    }
}
