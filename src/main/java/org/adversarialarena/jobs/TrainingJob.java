package org.adversarialarena.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import java.time.Clock;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a worker does with an execution of the {@code training-run} task: claims the run (a new
 * attempt, its node's name), trains it with the job of its kind, and tells db-scheduler how the
 * execution ends: removed once the run is over or paused, due again at once when the run is queued
 * (this node is shutting down, and any node resumes the run from its checkpoint). An exception is a
 * failed try, retried with back-off by the task's failure handler.
 */
@Component
class TrainingJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

    private final TrainingRunStore store;
    private final GanRunJob gans;
    private final RunningJobs running;
    private final RunProgressPublisher publisher;
    private final Clock clock;

    TrainingJob(TrainingRunStore store, GanRunJob gans, RunningJobs running, RunProgressPublisher publisher, Clock clock) {
        this.store = store;
        this.gans = gans;
        this.running = running;
        this.publisher = publisher;
        this.clock = clock;
    }

    CompletionHandler<Void> execute(long runId, ExecutionContext context) {
        String node = context.getExecution().pickedBy == null ? "unknown" : context.getExecution().pickedBy;
        OptionalInt attempt = store.claim(runId, node);
        if (attempt.isEmpty()) {
            LOG.info("Training run {} is no longer queued; nothing to do", runId);
            return new CompletionHandler.OnCompleteRemove<>();
        }
        TrainingRun run = store.find(runId).orElseThrow();
        publisher.runChanged(run.id(), run.version());
        LOG.info("Training run {} ({}) attempt {} on {} from step {}", runId, run.kind(), attempt.getAsInt(), node,
                run.checkpointStep() == null ? 0 : run.checkpointStep());
        StepGuard guard = running.guard(runId, attempt.getAsInt(), () -> context.getSchedulerState().isShuttingDown());
        @Nullable RunStatus ended;
        try {
            ended = switch (run.kind()) {
                case GAN -> gans.train(run, guard);
                case CLASSIFIER, ROBUST_CLASSIFIER ->
                        throw new IllegalStateException("No job trains " + run.kind() + " runs yet");
            };
        } finally {
            running.release(guard);
        }
        LOG.info("Training run {} attempt {} left {}", runId, attempt.getAsInt(), ended == null ? "to another node" : ended);
        return ended == null ? new CompletionHandler.OnCompleteRemove<>() : requeueIfQueued(runId);
    }

    /**
     * Keeps the execution, due at once, if the run is queued when the execution completes: handed
     * back by a stopping node, or resumed by its owner right after pausing (the resume found this
     * execution still in place and could not queue another).
     */
    private CompletionHandler<Void> requeueIfQueued(long runId) {
        return (complete, operations) -> {
            if (store.find(runId).map(run -> run.status() == RunStatus.QUEUED).orElse(false)) {
                operations.reschedule(complete, clock.instant());
            } else {
                operations.remove();
            }
        };
    }
}
