package org.adversarialarena.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Submits, steers and reads training runs; the one entry point of the job engine for the Lab and
 * the features to come. Runs are trained on whichever worker node picks them (docs/jobs.md).
 */
@Service
public class TrainingRunService {

    private final TrainingRunStore store;
    private final RunningJobs running;
    private final RunProgressPublisher publisher;
    private final JobsProperties properties;

    TrainingRunService(TrainingRunStore store, RunningJobs running, RunProgressPublisher publisher,
            JobsProperties properties) {
        this.store = store;
        this.running = running;
        this.publisher = publisher;
        this.properties = properties;
    }

    /**
     * Queues a GAN run for {@code owner}.
     *
     * @throws RunQuotaExceededException if the owner has a run queued or running already, or asks for more steps than allowed
     */
    public TrainingRun submitGan(RunOwner owner, GanRunSettings settings) {
        if (settings.steps() > properties.maxSteps()) {
            throw new RunQuotaExceededException(RunQuotaExceededException.Reason.TOO_MANY_STEPS,
                    "A run may take at most " + properties.maxSteps() + " steps, not " + settings.steps(),
                    properties.maxSteps(), settings.steps());
        }
        long id = store.submit(owner, RunKind.GAN, settings.toJson(), settings.steps(), properties.runningPerOwner());
        return changed(id);
    }

    /**
     * Cancels a run: at once if it waits; if it runs, before its next step when it runs on this node,
     * within {@code arena.jobs.signal-poll} on another. False if it was over already.
     */
    public boolean cancel(long runId) {
        boolean accepted = store.requestCancel(runId);
        running.refresh(runId);
        changed(runId);
        return accepted;
    }

    /** Pauses a run: a running one checkpoints and stops before its next step. False if it cannot be paused. */
    public boolean pause(long runId) {
        boolean accepted = store.requestPause(runId);
        running.refresh(runId);
        changed(runId);
        return accepted;
    }

    /**
     * Queues a paused run again; it continues from its checkpoint.
     *
     * @throws RunQuotaExceededException if its owner has another run queued or running
     */
    public boolean resume(long runId) {
        boolean accepted = store.resume(runId, properties.runningPerOwner());
        changed(runId);
        return accepted;
    }

    public Optional<TrainingRun> find(long runId) {
        return store.find(runId);
    }

    public List<TrainingRun> runsOf(RunOwner owner) {
        return store.ofOwner(owner);
    }

    /** Queued, running and paused runs, oldest first. */
    public List<TrainingRun> unfinished() {
        return store.unfinished();
    }

    /** The run's progress reports in step order: its loss and meter curves. */
    public List<RunProgressPoint> curve(long runId) {
        return store.curve(runId);
    }

    private TrainingRun changed(long runId) {
        TrainingRun run = store.find(runId).orElseThrow(() -> new IllegalArgumentException("No training run " + runId));
        publisher.runChanged(run.id(), run.version());
        return run;
    }
}
