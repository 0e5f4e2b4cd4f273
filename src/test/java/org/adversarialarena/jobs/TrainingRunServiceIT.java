package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanCheckpoint;
import org.adversarialarena.ml.gan.GanLoss;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The engine as a worker node runs it (db-scheduler started by its Spring Boot starter) on the real
 * embedded PostgreSQL, with tiny MLP GAN runs on MNIST: queued and trained to the end, cancelled
 * within one step, paused and resumed from the checkpoint, diverged with its last good checkpoint
 * kept, refused over quota. Each test has its own owner, so the one-run quota never couples them.
 */
@SpringBootTest(properties = {"arena.jobs.checkpoint-every=20", "arena.jobs.max-steps=5000",
        "arena.jobs.running-per-owner=1", "db-scheduler.polling-interval=200ms"})
@Import(RecordingRunPublisher.Config.class)
class TrainingRunServiceIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Autowired
    TrainingRunService runs;

    @Autowired
    TrainingRunStore store;

    @Autowired
    RecordingRunPublisher published;

    @Test
    void aTinyGanRunIsQueuedTrainedToItsLastStepAndKeepsItsResult() {
        TrainingRun queued = runs.submitGan(RunOwner.player(101), tiny(60));
        // The worker may have claimed it already by the time the submission reads it back.
        assertThat(queued.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING);
        assertThat(queued.totalSteps()).isEqualTo(60);

        TrainingRun done = awaitEnd(queued.id());

        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.step()).isEqualTo(60);
        assertThat(done.checkpointStep()).as("the result is the final checkpoint").isEqualTo(60);
        assertThat(done.node()).isNotBlank();
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.metrics()).containsKeys("meanDReal", "meanDFake");
        assertThat(runs.curve(done.id())).extracting(RunProgressPoint::step).containsExactly(25, 50, 60);
        assertThat(published.changes(done.id())).extracting(TrainingRun::status)
                .contains(RunStatus.RUNNING, RunStatus.FINISHED);

        ConditionalGan result = ganAt(done.id());
        float[] sample = result.sample(3, result.latent(1));
        assertThat(sample).hasSize(784);
        assertThat(result.realness(sample, 3)).isBetween(0.0, 1.0);
    }

    @Test
    void aCancelledRunStopsWithinOneStep() {
        TrainingRun run = runs.submitGan(RunOwner.player(102), tiny(2_000));
        // Cancelled from the training thread right after step 25's progress write: step 26 must not run.
        published.once(run.id(), seen -> seen.status() == RunStatus.RUNNING && seen.step() == 25,
                seen -> assertThat(runs.cancel(seen.id())).isTrue());

        TrainingRun cancelled = awaitEnd(run.id());

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.step()).isEqualTo(25);
        assertThat(cancelled.checkpointStep()).isEqualTo(20);
        assertThat(runs.cancel(run.id())).as("a run that is over cannot be cancelled again").isFalse();
    }

    @Test
    void aPausedRunResumesFromItsCheckpointNotFromTheStart() {
        TrainingRun run = runs.submitGan(RunOwner.player(103), tiny(60));
        published.once(run.id(), seen -> seen.status() == RunStatus.RUNNING && seen.step() == 25,
                seen -> runs.pause(seen.id()));
        TrainingRun paused = Waiting.until(() -> runs.find(run.id()).orElseThrow(),
                r -> r.status() == RunStatus.PAUSED, RUN_TIMEOUT, "the run to pause");
        assertThat(paused.step()).isEqualTo(25);
        assertThat(paused.checkpointStep()).as("pausing checkpoints where it stops").isEqualTo(25);

        assertThat(runs.resume(run.id())).isTrue();
        TrainingRun done = awaitEnd(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(published.reportedSteps(run.id(), 2)).as("the second attempt starts after step 25")
                .containsExactly(50, 60);
    }

    @Test
    void aDivergingRunEndsAsDivergedWithItsLastGoodCheckpointKept() {
        // Least squares at a learning rate of 0.03 blows up within about a hundred iterations (seed 1, batch 16).
        GanRunSettings exploding = GanRunSettings.parse(Map.of("loss", "least_squares", "generatorLearningRate", 0.03,
                "discriminatorLearningRate", 0.03, "batchSize", 16, "steps", 1_000));
        TrainingRun run = runs.submitGan(RunOwner.player(104), exploding);

        TrainingRun diverged = awaitEnd(run.id());

        assertThat(diverged.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(diverged.failureReason()).containsAnyOf("exploded", "diverged").contains("iteration");
        assertThat(diverged.step()).isLessThan(1_000);
        assertThat(diverged.checkpointStep()).isNotNull().isPositive().isLessThanOrEqualTo(diverged.step());
        ConditionalGan lastGood = ganAt(run.id());
        assertThat(lastGood.loss()).isEqualTo(GanLoss.LEAST_SQUARES);
        for (float pixel : lastGood.sample(0, lastGood.latent(2))) {
            assertThat(pixel).as("a pixel of the last good generator").isBetween(0f, 1f);
        }
    }

    @Test
    void anOwnerGetsOneRunningRunAndNoMoreStepsThanTheCap() {
        RunOwner student = RunOwner.player(105);
        TrainingRun first = runs.submitGan(student, tiny(5_000));

        assertThatThrownBy(() -> runs.submitGan(student, tiny(60)))
                .isInstanceOfSatisfying(RunQuotaExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RunQuotaExceededException.Reason.TOO_MANY_RUNNING);
                    assertThat(e.reason().key()).isEqualTo("jobs.quota.too-many-running");
                });
        assertThatThrownBy(() -> runs.submitGan(RunOwner.player(106), tiny(5_001)))
                .isInstanceOfSatisfying(RunQuotaExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RunQuotaExceededException.Reason.TOO_MANY_STEPS);
                    assertThat(e.arguments()).containsExactly(5_000, 5_001);
                });
        assertThat(runs.runsOf(student)).extracting(TrainingRun::id).containsExactly(first.id());

        runs.cancel(first.id());
        awaitEnd(first.id());
        TrainingRun next = runs.submitGan(student, tiny(1));
        assertThat(awaitEnd(next.id()).status()).isEqualTo(RunStatus.FINISHED);
    }

    private static GanRunSettings tiny(int steps) {
        return GanRunSettings.parse(Map.of("batchSize", 16, "steps", steps));
    }

    private TrainingRun awaitEnd(long id) {
        return Waiting.until(() -> runs.find(id).orElseThrow(), run -> run.status().isFinal(), RUN_TIMEOUT,
                "run " + id + " to end");
    }

    private ConditionalGan ganAt(long id) {
        RunCheckpoint stored = store.latestCheckpoint(id).orElseThrow();
        TrainingRun run = runs.find(id).orElseThrow();
        GanRunSettings settings = GanRunSettings.fromJson(run.settings());
        return new GanCheckpoint(stored.step(), stored.firstNetwork(), stored.secondNetwork())
                .restore(DatasetId.MNIST, settings.loss());
    }
}
