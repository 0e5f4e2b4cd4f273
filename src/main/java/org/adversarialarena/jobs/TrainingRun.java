package org.adversarialarena.jobs;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A training run as its row stands: what a page or an API shows.
 *
 * @param settings         the run's settings as JSON (for a GAN, {@link GanRunSettings}'s names)
 * @param step             iterations done (as of the last progress write)
 * @param metrics          the latest named figures, e.g. mean D(x) and D(G(z))
 * @param attempt          how many times a worker has started it (a take-over or retry adds one)
 * @param failures         failed tries so far
 * @param node             the scheduler (node) that ran it last
 * @param checkpointStep   the step of its newest checkpoint, if any
 * @param version          grows with every write, for live updates that send only id and version
 * @param pace             how a running run takes its steps (free, slow motion, held for single steps)
 * @param pendingDiscriminatorSteps single D steps ordered and not yet taken
 * @param pendingGeneratorSteps     single G steps ordered and not yet taken
 * @param forkedFrom       the run whose checkpoint this one started from, if it is a fork
 * @param promotedBy       the instructor account that promoted this (finished) run, if any
 */
public record TrainingRun(long id, RunOwner owner, RunKind kind, String settings, RunStatus status, int step,
        int totalSteps, @Nullable Double discriminatorLoss, @Nullable Double generatorSignal, Map<String, Double> metrics,
        boolean cancelRequested, boolean pauseRequested, int attempt, int failures, @Nullable String node,
        @Nullable String failureReason, Instant submittedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable Integer checkpointStep, long version, RunPace pace, int pendingDiscriminatorSteps,
        int pendingGeneratorSteps, @Nullable Long forkedFrom, @Nullable Long promotedBy, @Nullable Instant promotedAt) {

    public TrainingRun {
        metrics = Map.copyOf(metrics);
    }
}
