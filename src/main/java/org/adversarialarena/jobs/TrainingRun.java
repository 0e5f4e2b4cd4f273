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
 */
public record TrainingRun(long id, RunOwner owner, RunKind kind, String settings, RunStatus status, int step,
        int totalSteps, @Nullable Double discriminatorLoss, @Nullable Double generatorSignal, Map<String, Double> metrics,
        boolean cancelRequested, boolean pauseRequested, int attempt, int failures, @Nullable String node,
        @Nullable String failureReason, Instant submittedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable Integer checkpointStep, long version) {

    public TrainingRun {
        metrics = Map.copyOf(metrics);
    }
}
