package org.adversarialarena.competition;

import static org.adversarialarena.jobs.Waiting.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.adversarialarena.jobs.GanRunSettings;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.RunStatus;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.jobs.TrainingRunService;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The short lane with the real job engine on the embedded PostgreSQL: a Lab run held for single steps
 * occupies the worker's only training thread (and would for the whole hold timeout, here 10 minutes),
 * and a competition submission made meanwhile is still evaluated and scored. On one shared scheduler
 * the submission would sit in QUEUED until the held run gave its thread up.
 */
@SpringBootTest(properties = {"arena.jobs.hold-timeout=10m", "db-scheduler.polling-interval=200ms"})
class EvaluationBesideTrainingIT {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationBesideTrainingIT.class);
    private static final Duration CLAIM = Duration.ofMinutes(3);
    private static final Duration EVALUATION = Duration.ofSeconds(60);

    @Autowired
    TrainingRunService runs;

    @Autowired
    CompetitionService competitions;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${db-scheduler.threads}")
    int trainingThreads;

    private TrainingRun held;

    @AfterEach
    void freeTheWorker() {
        SecurityContextHolder.clearContext();
        if (held != null) {
            runs.cancel(held.id());
        }
    }

    @Test
    void aSubmissionIsScoredWhileAHeldLabRunHoldsTheOnlyTrainingThread() {
        assertThat(trainingThreads).isEqualTo(1);
        Player student = players.join("Lab" + UUID.randomUUID().toString().substring(0, 6));
        held = runs.submitGan(RunOwner.player(java.util.Objects.requireNonNull(student.getId())),
                GanRunSettings.parse(Map.of("batchSize", 16, "steps", 2_000)), RunPace.HELD);
        until(() -> runs.find(held.id()).orElseThrow(), run -> run.status() == RunStatus.RUNNING, CLAIM,
                "the held run to take the training thread");

        long competitionId = HostedCompetitions.openNow(jdbc, competitions, "Beside the Lab", 20, 11);
        Entrant entrant = competitions.enter(competitionId, players.join("Eve" + UUID.randomUUID().toString()
                .substring(0, 6)), null);
        // the challenge set itself: a valid submission whose score is certain (the target gets every image right)
        long started = System.nanoTime();
        Submission submitted = competitions.submit(entrant.id(), competitions.challengeNpy(competitionId), Channel.API);

        Submission scored = until(() -> competitions.submissionOf(entrant.id(), submitted.id()),
                submission -> submission.status() == SubmissionStatus.SCORED, EVALUATION,
                "the submission to be scored beside the held run");
        LOG.info("Submission {} scored {} ms after it was submitted, beside held run {}", submitted.id(),
                (System.nanoTime() - started) / 1_000_000, held.id());
        assertThat(scored.failure()).isNull();
        assertThat(competitions.submissionsOf(entrant.id())).extracting(Submission::status)
                .containsExactly(SubmissionStatus.SCORED);
        TrainingRun stillHeld = runs.find(held.id()).orElseThrow();
        assertThat(stillHeld.status()).as("the held run kept the training thread throughout").isEqualTo(RunStatus.RUNNING);
        assertThat(stillHeld.pace()).isEqualTo(RunPace.HELD);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                EvaluationQueue.TASK)).as("evaluations are not on the training queue").isZero();
    }
}
