package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanMeters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Lab's controls on the engine, with a real worker and the embedded PostgreSQL: single D and G
 * steps taken by a held run on its worker (and how long one takes from the order to its committed
 * progress), slow motion, a held run that nobody steps pausing to free its worker, forks from a
 * checkpoint, promotion by the owning instructor and the read API over promoted runs.
 */
@SpringBootTest(properties = {"arena.jobs.checkpoint-every=20", "arena.jobs.hold-timeout=3s",
        "db-scheduler.polling-interval=200ms"})
@Import(RecordingRunPublisher.Config.class)
class LabRunControlIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Autowired
    TrainingRunService runs;

    @Autowired
    PromotedGenerators promoted;

    @Autowired
    RecordingRunPublisher published;

    @Autowired
    DataSource dataSource;

    @Autowired
    GanWatch watch;

    @Test
    void aHeldRunTakesSingleDiscriminatorAndGeneratorStepsOnItsWorkerAtOnce() throws Exception {
        TrainingRun run = runs.submitGan(RunOwner.player(201), tiny(2_000), RunPace.HELD);
        Waiting.until(() -> runs.find(run.id()).orElseThrow(), r -> r.status() == RunStatus.RUNNING, RUN_TIMEOUT,
                "the held run to be claimed");

        List<Long> millis = new ArrayList<>();
        millis.add(timed(run.id(), StepOrder.DISCRIMINATOR, seen -> seen.pendingDiscriminatorSteps() == 0));
        byte[] afterFirstD = runs.samples(run.id()).orElseThrow();
        for (int i = 0; i < 5; i++) {
            millis.add(timed(run.id(), StepOrder.DISCRIMINATOR, seen -> seen.pendingDiscriminatorSteps() == 0));
        }
        TrainingRun afterD = runs.find(run.id()).orElseThrow();
        assertThat(afterD.step()).as("D steps do not complete an iteration").isZero();
        assertThat(afterD.pace()).isEqualTo(RunPace.HELD);
        byte[] afterDSamples = runs.samples(run.id()).orElseThrow();
        assertThat(afterDSamples).hasSize(GanMeters.GRID * 784);
        assertThat(afterDSamples).as("D steps leave G's samples alone").isEqualTo(afterFirstD);
        for (int i = 1; i <= 6; i++) {
            int step = i;
            millis.add(timed(run.id(), StepOrder.GENERATOR, seen -> seen.step() == step));
        }
        TrainingRun afterG = runs.find(run.id()).orElseThrow();
        assertThat(afterG.step()).isEqualTo(6);
        assertThat(runs.samples(run.id()).orElseThrow()).as("G steps change the samples").isNotEqualTo(afterDSamples);
        assertThat(afterG.metrics()).containsKeys("meanDReal", "meanDFake", "coverage.0", "coverage.9");
        assertThat(afterG.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("coverage."))
                .mapToDouble(Map.Entry::getValue).sum()).isCloseTo(1.0, offset(1e-6));
        assertThat(runs.curve(run.id())).extracting(RunProgressPoint::step).containsExactly(0, 1, 2, 3, 4, 5, 6);

        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("Single step, order to committed progress (ms): %s; median %d, max %d%n",
                millis, sorted[sorted.length / 2], sorted[sorted.length - 1]);
        // The target is 200 ms on a machine to itself (docs/lab.md has the figures and the load they were taken
        // under); this bound only catches a step that waits for a poll or the queue instead of being woken at once.
        assertThat(sorted[sorted.length / 2]).as("median single-step latency in ms").isLessThanOrEqualTo(1_000);

        runs.cancel(run.id());
        assertThat(awaitEnd(run.id()).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void slowMotionTakesOneIterationASecondAndReportsEach() {
        TrainingRun run = runs.submitGan(RunOwner.player(202), tiny(2_000), RunPace.SLOW);
        Waiting.until(() -> runs.find(run.id()).orElseThrow(), r -> r.step() >= 1, RUN_TIMEOUT, "a first slow step");
        long first = System.nanoTime();
        TrainingRun third = Waiting.until(() -> runs.find(run.id()).orElseThrow(), r -> r.step() >= 4, RUN_TIMEOUT,
                "four slow steps");
        // Step 1 was seen within its second, so three more take between 2 and 3 seconds from then.
        assertThat(Duration.ofNanos(System.nanoTime() - first)).as("three slow steps after the first")
                .isGreaterThan(Duration.ofMillis(1_900));
        List<TrainingRun> reports = published.changes(run.id()).stream()
                .filter(r -> r.status() == RunStatus.RUNNING && r.step() >= 1 && r.step() <= 3).toList();
        assertThat(reports).extracting(TrainingRun::step).containsSubsequence(1, 2, 3);
        runs.setPace(run.id(), RunPace.FREE);
        TrainingRun fast = Waiting.until(() -> runs.find(run.id()).orElseThrow(), r -> r.step() >= third.step() + 50,
                RUN_TIMEOUT, "free steps again");
        assertThat(fast.pace()).isEqualTo(RunPace.FREE);
        runs.cancel(run.id());
        awaitEnd(run.id());
    }

    @Test
    void aHeldRunNobodyStepsPausesAtACheckpointAndAnOrderBringsItBack() {
        TrainingRun run = runs.submitGan(RunOwner.player(203), tiny(2_000), RunPace.HELD);
        TrainingRun paused = Waiting.until(() -> runs.find(run.id()).orElseThrow(),
                r -> r.status() == RunStatus.PAUSED, RUN_TIMEOUT, "the idle held run to pause");
        assertThat(paused.checkpointStep()).isZero();

        assertThat(runs.order(run.id(), StepOrder.GENERATOR)).isTrue();
        TrainingRun stepped = Waiting.until(() -> runs.find(run.id()).orElseThrow(), r -> r.step() == 1, RUN_TIMEOUT,
                "the ordered step after the resume");
        assertThat(stepped.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(stepped.attempt()).isEqualTo(2);
        runs.cancel(run.id());
        awaitEnd(run.id());
    }

    @Test
    void aForkStartsFromItsParentsCheckpointWithChangedSettings() {
        RunOwner owner = RunOwner.player(204);
        TrainingRun parent = awaitEnd(runs.submitGan(owner, tiny(40)).id());
        assertThat(runs.checkpointSteps(parent.id())).containsExactly(40, 20);

        GanRunSettings changed = GanRunSettings.parse(Map.of("batchSize", 16, "steps", 50,
                "discriminatorLearningRate", 0.001, "loss", "minimax"));
        TrainingRun fork = runs.fork(owner, parent.id(), 20, changed, RunPace.FREE);
        TrainingRun done = awaitEnd(fork.id());

        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.forkedFrom()).isEqualTo(parent.id());
        assertThat(runs.curve(fork.id())).extracting(RunProgressPoint::step).containsExactly(25, 50);

        assertThatThrownBy(() -> runs.fork(owner, parent.id(), 20,
                GanRunSettings.parse(Map.of("batchSize", 16, "steps", 50, "loss", "hinge")), RunPace.FREE))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class,
                        e -> assertThat(e.problems()).extracting(SettingProblem::key).contains("jobs.settings.fork-shape"));
        assertThatThrownBy(() -> runs.fork(owner, parent.id(), 30, changed, RunPace.FREE))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("jobs.refused.no-checkpoint"));
        assertThatThrownBy(() -> runs.fork(RunOwner.player(205), parent.id(), 20, changed, RunPace.FREE))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("jobs.refused.not-yours"));
    }

    @Test
    void anInstructorPromotesTheirOwnFinishedRunAndOthersCanLoadItsGenerator() {
        long instructor = account("lab-promoter@example.org");
        long other = account("lab-other@example.org");
        TrainingRun run = awaitEnd(runs.submitGan(RunOwner.account(instructor), tiny(30)).id());

        assertThatThrownBy(() -> runs.promote(other, run.id())).isInstanceOf(RunRefusedException.class);
        TrainingRun promotedRun = runs.promote(instructor, run.id());
        assertThat(promotedRun.promotedBy()).isEqualTo(instructor);

        assertThat(promoted.promotedBy(instructor)).singleElement().satisfies(generator -> {
            assertThat(generator.runId()).isEqualTo(run.id());
            assertThat(generator.steps()).isEqualTo(30);
            assertThat(generator.frechetDistance()).isNotNull().isPositive();
            assertThat(generator.frechetDistanceBaseline()).isNotNull().isLessThan(generator.frechetDistance());
        });
        assertThat(promoted.all()).extracting(PromotedGenerator::runId).contains(run.id());
        ConditionalGan gan = promoted.load(run.id());
        assertThat(gan.sample(4, gan.latent(3))).hasSize(784);
        // The finished run's interpolation strip is its final networks' images between the two fixed latents.
        GanMeters meters = watch.meters(tiny(30));
        assertThat(runs.interpolation(run.id())).hasValue(GanRunJob.pixels(meters.interpolation(gan)));
        assertThatThrownBy(() -> promoted.load(runs.submitGan(RunOwner.player(206), tiny(1)).id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A failed test must not leave a held or slow run occupying the one worker thread. */
    @AfterEach
    void cancelUnfinishedRuns() {
        runs.unfinished().forEach(run -> runs.cancel(run.id()));
    }

    /** Orders a step and waits for the training thread to publish it; the milliseconds in between. */
    private long timed(long runId, StepOrder order, Predicate<TrainingRun> taken) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long start = System.nanoTime();
        published.once(runId, taken, seen -> done.complete(System.nanoTime()));
        assertThat(runs.order(runId, order)).isTrue();
        return TimeUnit.NANOSECONDS.toMillis(done.get(30, TimeUnit.SECONDS) - start);
    }

    private long account(String email) {
        return JdbcClient.create(dataSource).sql("""
                insert into account (email, display_name, role, status, created_at, updated_at)
                values (:email, 'Lab', 'INSTRUCTOR', 'ACTIVE', now(), now()) returning id""")
                .param("email", email).query(Long.class).single();
    }

    private static GanRunSettings tiny(int steps) {
        return GanRunSettings.parse(Map.of("batchSize", 16, "steps", steps));
    }

    private TrainingRun awaitEnd(long id) {
        return Waiting.until(() -> runs.find(id).orElseThrow(), run -> run.status().isFinal(), RUN_TIMEOUT,
                "run " + id + " to end");
    }
}
