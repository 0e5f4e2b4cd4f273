package org.adversarialarena.jobs;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanCheckpoint;
import org.adversarialarena.ml.gan.GanMeters;
import org.adversarialarena.ml.gan.GanSteps;
import org.adversarialarena.ml.gan.GanTrainer;
import org.adversarialarena.ml.gan.GanTrainingOptions;
import org.adversarialarena.ml.train.TrainingDivergedException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Trains a GAN run step by step with {@link GanSteps}: from its newest checkpoint if it has one (a
 * taken-over, retried, resumed or forked run), else from fresh networks; progress with samples and
 * meters at every report, a checkpoint every {@code arena.jobs.checkpoint-every} iterations (written
 * beside training by a {@link CheckpointWriter}) and at the end, the stop flags before every step.
 * The run's pace decides how steps are taken: freely, one iteration a second (slow motion), or held
 * in memory on this worker for the single D or G steps its owner orders; a run held with no order for
 * {@code arena.jobs.hold-timeout} pauses at a checkpoint and frees the worker. Stopping on a loss
 * beyond the ceiling is this job's rule; NaN the stepper's.
 */
@Component
class GanRunJob {

    static final int REPORT_EVERY = 25;
    static final int DISTANCE_EVERY = 500;
    private static final long SLOW_STEP_MILLIS = 1_000;

    private final TrainingRunStore store;
    private final RunProgressPublisher publisher;
    private final JobsProperties properties;
    private final GanWatch watch;

    // One thread for all runs of this node: checkpoints are rare, and one at a time keeps their memory bounded.
    private final ExecutorService checkpointWriter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("checkpoint-writer").daemon().factory());

    GanRunJob(TrainingRunStore store, RunProgressPublisher publisher, JobsProperties properties, GanWatch watch) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.watch = watch;
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
        // A fork may have changed the learning rates its parent's networks were configured with.
        useLearningRate(gan.generator(), options.generatorLearningRate());
        useLearningRate(gan.discriminator(), options.discriminatorLearningRate());
        int first = stored.map(c -> c.step() + 1).orElse(1);
        ImageSet real = Datasets.load(settings.dataset()).train();
        CheckpointWriter checkpoints = new CheckpointWriter(checkpointWriter, run.id());
        GanMeters meters = watch.meters(settings);
        Steps steps = new Steps(guard, checkpoints, first - 1, run.totalSteps(), meters);
        try {
            steps.run(new GanSteps(gan, real, options, first));
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
        // The networks in memory are the final checkpoint's: the strip is drawn from them before the run ends,
        // so the page that reloads on the end sees it.
        if (!store.saveInterpolation(run.id(), guard.attempt(), pixels(meters.interpolation(gan)))) {
            return null;
        }
        return end(guard, run.totalSteps(), RunStatus.FINISHED, null);
    }

    private static void useLearningRate(MultiLayerNetwork network, double learningRate) {
        Double current = network.getLearningRate(0);
        if (current == null || current != learningRate) {
            network.setLearningRate(learningRate);
        }
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

    static byte[] pixels(float[][] images) {
        byte[] bytes = new byte[images.length * images[0].length];
        int i = 0;
        for (float[] image : images) {
            for (float value : image) {
                bytes[i++] = (byte) Math.round(Math.max(0, Math.min(1, value)) * 255);
            }
        }
        return bytes;
    }

    /** The job's side of every step: the pace, the divergence rule, progress, checkpoints, the stop flags. */
    private final class Steps {

        private final StepGuard guard;
        private final CheckpointWriter checkpoints;
        private final int total;
        private final GanMeters meters;
        private int lastCompleted;
        private double lastDiscriminatorLoss;
        private double lastGeneratorSignal;

        Steps(StepGuard guard, CheckpointWriter checkpoints, int lastCompleted, int total, GanMeters meters) {
            this.guard = guard;
            this.checkpoints = checkpoints;
            this.lastCompleted = lastCompleted;
            this.total = total;
            this.meters = meters;
        }

        /** The last iteration that passed the divergence rule (NaN is caught in the stepper, before this sees it). */
        int lastCompleted() {
            return lastCompleted;
        }

        void run(GanSteps taker) {
            long heldSince = System.nanoTime();
            while (taker.nextIteration() <= total) {
                RunSignals signals = guard.signals();
                switch (signals.pace()) {
                    case FREE -> completed(taker, taker.iterate(), false, null);
                    case SLOW -> {
                        long started = System.nanoTime();
                        completed(taker, taker.iterate(), true, null);
                        waitWhile(started, SLOW_STEP_MILLIS, RunPace.SLOW, taker);
                    }
                    case HELD -> {
                        StepOrder order = signals.nextOrder();
                        if (order == StepOrder.DISCRIMINATOR) {
                            discriminatorOnly(taker, taker.discriminatorStep());
                        } else if (order == StepOrder.GENERATOR) {
                            double signal = taker.generatorStep();
                            completed(taker, new GanSteps.Losses(lastDiscriminatorLoss, signal), true, order);
                        } else if (System.nanoTime() - heldSince > properties.holdTimeout().toNanos()) {
                            // Nobody steps it: a held run must not keep the worker from other runs for ever.
                            stopFor(RunStop.PAUSE, taker);
                        } else {
                            stopIfAsked(taker, false);
                            guard.awaitChange(properties.signalPoll().toMillis());
                            continue;
                        }
                        heldSince = System.nanoTime();
                    }
                }
                if (signals.pace() != RunPace.HELD) {
                    heldSince = System.nanoTime();
                }
            }
        }

        /** Sleeps out the rest of a slow-motion second, waking for any change (a stop, another pace). */
        private void waitWhile(long startedNanos, long millis, RunPace pace, GanSteps taker) {
            long until = startedNanos + millis * 1_000_000;
            while (System.nanoTime() < until && guard.signals().pace() == pace && taker.nextIteration() <= total) {
                stopIfAsked(taker, false);
                guard.awaitChange(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
        }

        private void discriminatorOnly(GanSteps taker, double discriminatorLoss) {
            int iteration = taker.nextIteration() - 1;
            if (!Double.isFinite(discriminatorLoss)) {
                throw new TrainingDivergedException("GAN diverged in a single D step after iteration " + iteration
                        + " (D loss " + discriminatorLoss + ")");
            }
            requireBelowCeiling(iteration, discriminatorLoss, lastGeneratorSignal);
            lastDiscriminatorLoss = discriminatorLoss;
            report(taker, iteration, StepOrder.DISCRIMINATOR, false);
            stopIfAsked(taker, false);
        }

        private void completed(GanSteps taker, GanSteps.Losses losses, boolean everyStep, @Nullable StepOrder taken) {
            int iteration = taker.nextIteration() - 1;
            requireBelowCeiling(iteration, losses.discriminator(), losses.generator());
            lastCompleted = iteration;
            lastDiscriminatorLoss = losses.discriminator();
            lastGeneratorSignal = losses.generator();
            if (everyStep || iteration % REPORT_EVERY == 0 || iteration == total) {
                report(taker, iteration, taken, iteration % DISTANCE_EVERY == 0 || iteration == total);
            }
            boolean due = iteration % properties.checkpointEvery() == 0 && iteration < total;
            if (due) {
                ConditionalGan gan = taker.gan();
                // A copy taken now, between two steps, is consistent; writing and storing it happen beside training.
                ConditionalGan copy = new ConditionalGan(gan.dataset(), gan.loss(), gan.generator().clone(),
                        gan.discriminator().clone());
                checkpoints.submit(() -> checkpoint(guard, copy, iteration));
            }
            stopIfAsked(taker, due);
        }

        private void requireBelowCeiling(int iteration, double discriminatorLoss, double generatorSignal) {
            double ceiling = properties.lossCeiling();
            if (Math.abs(discriminatorLoss) > ceiling || Math.abs(generatorSignal) > ceiling) {
                throw new TrainingDivergedException("GAN loss exploded at iteration " + iteration + " (D loss "
                        + discriminatorLoss + ", G error signal " + generatorSignal + ", ceiling " + ceiling + ")");
            }
        }

        /** Progress with D's verdicts, the samples and the class coverage, and the FID when {@code distance}. */
        private void report(GanSteps taker, int iteration, @Nullable StepOrder taken, boolean distance) {
            ConditionalGan gan = taker.gan();
            Map<String, Double> metrics = new LinkedHashMap<>(taker.verdicts());
            double[] coverage = meters.coverage(gan);
            for (int c = 0; c < coverage.length; c++) {
                metrics.put("coverage." + c, coverage[c]);
            }
            if (distance) {
                metrics.put("fid", meters.frechetDistance(gan));
                metrics.put("fidBaseline", meters.baseline());
            }
            var version = store.recordProgress(guard.runId(), guard.attempt(),
                    new RunProgressPoint(iteration, lastDiscriminatorLoss, lastGeneratorSignal, metrics),
                    pixels(meters.grid(gan)), taken);
            if (version.isEmpty()) {
                throw new RunStoppedException(RunStop.TAKEN_OVER, iteration);
            }
            if (taken != null) {
                // The step is counted as done in the row; rereading now keeps it from being taken twice.
                guard.refresh();
            }
            publisher.runChanged(guard.runId(), version.getAsLong());
        }

        private void stopIfAsked(GanSteps taker, boolean checkpointDue) {
            RunStop stop = guard.check();
            int iteration = taker.nextIteration() - 1;
            // On the last iteration only a take-over stops the run: anything else would cost more than finishing.
            if (stop != null && (iteration < total || stop == RunStop.TAKEN_OVER)) {
                if (stop.checkpointFirst() && !checkpointDue) {
                    checkpoints.awaitPending();
                    checkpoint(guard, taker.gan(), iteration);
                }
                throw new RunStoppedException(stop, iteration);
            }
        }

        private void stopFor(RunStop stop, GanSteps taker) {
            int iteration = taker.nextIteration() - 1;
            checkpoints.awaitPending();
            checkpoint(guard, taker.gan(), iteration);
            throw new RunStoppedException(stop, iteration);
        }
    }
}
