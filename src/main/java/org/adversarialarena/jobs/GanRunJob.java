package org.adversarialarena.jobs;

import jakarta.annotation.PreDestroy;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanCheckpoint;
import org.adversarialarena.ml.gan.GanIterationListener;
import org.adversarialarena.ml.gan.GanTrainer;
import org.adversarialarena.ml.gan.GanTrainingOptions;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingDivergedException;
import org.adversarialarena.ml.train.TrainingProgress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Trains a GAN run with {@link GanTrainer}: from its newest checkpoint if it has one (a taken-over,
 * retried or resumed run), else from fresh networks; progress at every trainer report, a
 * checkpoint every {@code arena.jobs.checkpoint-every} iterations (written beside training by a
 * {@link CheckpointWriter}) and at the end, the stop flags before every step. Stopping on a loss beyond the ceiling is this job's rule; NaN the trainer's.
 */
@Component
class GanRunJob {

    private final TrainingRunStore store;
    private final RunProgressPublisher publisher;
    private final JobsProperties properties;

    // One thread for all runs of this node: checkpoints are rare, and one at a time keeps their memory bounded.
    private final ExecutorService checkpointWriter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("checkpoint-writer").daemon().factory());

    GanRunJob(TrainingRunStore store, RunProgressPublisher publisher, JobsProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
    }

    @PreDestroy
    void stopWriter() {
        checkpointWriter.shutdown();
    }

    /** Trains until the run ends or stops; the status it was left in, or null if another node has it now. */
    @Nullable RunStatus train(TrainingRun run, StepGuard guard) {
        GanRunSettings settings = GanRunSettings.fromJson(run.settings());
        GanTrainingOptions options = settings.toOptions();
        Optional<RunCheckpoint> stored = store.latestCheckpoint(run.id());
        ConditionalGan gan = stored
                .map(c -> new GanCheckpoint(c.step(), c.firstNetwork(), Objects.requireNonNull(c.secondNetwork(),
                        "A GAN checkpoint has two networks")).restore(settings.dataset(), settings.loss()))
                .orElseGet(() -> GanTrainer.newGan(settings.dataset(), options));
        int first = stored.map(c -> c.step() + 1).orElse(1);
        ImageSet real = Datasets.load(settings.dataset()).train();
        CheckpointWriter checkpoints = new CheckpointWriter(checkpointWriter, run.id());
        Steps steps = new Steps(guard, checkpoints, first - 1, run.totalSteps());
        try {
            new GanTrainer(steps::report, Cancellation.none()).continueTraining(gan, real, options, first, steps);
        } catch (RunStoppedException stopped) {
            if (stopped.stop() == RunStop.TAKEN_OVER || !landed(checkpoints)) {
                return null;
            }
            return switch (stopped.stop()) {
                case TAKEN_OVER -> null;
                case CANCEL -> end(guard, stopped.step(), RunStatus.CANCELLED, null);
                case PAUSE -> end(guard, stopped.step(), RunStatus.PAUSED, null);
                case NODE_STOPPING -> end(guard, stopped.step(), RunStatus.QUEUED, null);
            };
        } catch (TrainingDivergedException diverged) {
            // The checkpoints taken so far stay: they are the last good states of the run.
            if (!landed(checkpoints)) {
                return null;
            }
            return end(guard, steps.lastCompleted(), RunStatus.DIVERGED, diverged.getMessage());
        }
        if (!landed(checkpoints)
                || stored.map(c -> c.step() < run.totalSteps()).orElse(true) && !checkpoint(guard, gan, run.totalSteps())) {
            return null;
        }
        return end(guard, run.totalSteps(), RunStatus.FINISHED, null);
    }

    /** Waits for the checkpoint being written; false if it found the run taken over. */
    private static boolean landed(CheckpointWriter checkpoints) {
        try {
            checkpoints.awaitPending();
            return true;
        } catch (RunStoppedException takenOver) {
            return false;
        }
    }

    private @Nullable RunStatus end(StepGuard guard, int step, RunStatus status, @Nullable String reason) {
        if (!store.end(guard.runId(), guard.attempt(), step, status, reason)) {
            return null;
        }
        store.find(guard.runId()).ifPresent(run -> publisher.runChanged(run.id(), run.version()));
        return status;
    }

    private boolean checkpoint(StepGuard guard, ConditionalGan gan, int iteration) {
        GanCheckpoint checkpoint = GanCheckpoint.of(gan, iteration);
        return store.saveCheckpoint(guard.runId(), guard.attempt(),
                new RunCheckpoint(iteration, checkpoint.generator(), checkpoint.discriminator()),
                properties.keepCheckpoints());
    }

    /** The job's side of every iteration: the divergence rule, progress, checkpoints, the stop flags. */
    private final class Steps implements GanIterationListener {

        private final StepGuard guard;
        private final CheckpointWriter checkpoints;
        private final int total;
        private int lastCompleted;
        private @Nullable TrainingProgress latestReport;

        Steps(StepGuard guard, CheckpointWriter checkpoints, int lastCompleted, int total) {
            this.guard = guard;
            this.checkpoints = checkpoints;
            this.lastCompleted = lastCompleted;
            this.total = total;
        }

        /** The last iteration that passed the divergence rule (NaN is caught in the trainer, before this sees it). */
        int lastCompleted() {
            return lastCompleted;
        }

        void report(TrainingProgress progress) {
            latestReport = progress;
        }

        @Override
        public void afterIteration(ConditionalGan gan, int iteration, double discriminatorLoss, double generatorSignal) {
            double ceiling = properties.lossCeiling();
            if (Math.abs(discriminatorLoss) > ceiling || Math.abs(generatorSignal) > ceiling) {
                throw new TrainingDivergedException("GAN loss exploded at iteration " + iteration + " (D loss "
                        + discriminatorLoss + ", G error signal " + generatorSignal + ", ceiling " + ceiling + ")");
            }
            lastCompleted = iteration;
            TrainingProgress report = latestReport;
            if (report != null && report.step() == iteration) {
                var version = store.recordProgress(guard.runId(), guard.attempt(),
                        new RunProgressPoint(iteration, discriminatorLoss, generatorSignal, report.metrics()));
                if (version.isEmpty()) {
                    throw new RunStoppedException(RunStop.TAKEN_OVER, iteration);
                }
                publisher.runChanged(guard.runId(), version.getAsLong());
            }
            boolean due = iteration % properties.checkpointEvery() == 0 && iteration < total;
            if (due) {
                // A copy taken now, between two steps, is consistent; writing and storing it happen beside training.
                ConditionalGan copy = new ConditionalGan(gan.dataset(), gan.loss(), gan.generator().clone(),
                        gan.discriminator().clone());
                checkpoints.submit(() -> checkpoint(guard, copy, iteration));
            }
            RunStop stop = guard.check();
            // On the last iteration only a take-over stops the run: anything else would cost more than finishing.
            if (stop != null && (iteration < total || stop == RunStop.TAKEN_OVER)) {
                if (stop.checkpointFirst() && !due) {
                    checkpoints.awaitPending();
                    checkpoint(guard, gan, iteration);
                }
                throw new RunStoppedException(stop, iteration);
            }
        }
    }
}
