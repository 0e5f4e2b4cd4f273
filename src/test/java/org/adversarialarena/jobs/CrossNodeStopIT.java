package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.adversarialarena.base.live.LivePublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cancel asked on another node reaches the training node through the run's live announcement, not
 * through the stop-flag poll: the poll is set to an hour here, so only the announcement can stop the run.
 * "Another node" writes the flag and announces the change exactly as its {@code TrainingRunService}
 * would, without the same-node shortcut ({@code RunningJobs.refresh}).
 */
@SpringBootTest(properties = {"arena.jobs.signal-poll=1h", "arena.jobs.max-steps=20000",
        "db-scheduler.polling-interval=200ms"})
class CrossNodeStopIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int STEPS = 20_000;

    @Autowired
    TrainingRunService runs;

    @Autowired
    TrainingRunStore store;

    @Autowired
    LivePublisher live;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunCancelledOnAnotherNodeStopsAsSoonAsTheAnnouncementArrives() {
        TrainingRun run = runs.submitGan(RunOwner.player(201), GanRunSettings.parse(Map.of("batchSize", 16, "steps", STEPS)));
        TrainingRun training = Waiting.until(() -> runs.find(run.id()).orElseThrow(),
                seen -> seen.status() == RunStatus.RUNNING && seen.step() > 0, TIMEOUT, "run to train");

        assertThat(store.requestCancel(run.id())).isTrue();
        live.publish(LiveRunProgressPublisher.TRAINING_RUN, run.id(), runs.find(run.id()).orElseThrow().version());

        // The job has stopped when its execution has left db-scheduler's queue; without the announcement
        // it would train on for its 20,000 steps (minutes), its flag unread for an hour.
        Waiting.until(() -> queued(run.id()), count -> count == 0, STOP_TIMEOUT, "the job to leave the queue");
        TrainingRun cancelled = runs.find(run.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.step()).isGreaterThanOrEqualTo(training.step()).isLessThan(STEPS);
    }

    private int queued(long runId) {
        Integer count = jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?",
                Integer.class, String.valueOf(runId));
        return count == null ? 0 : count;
    }
}
