package org.adversarialarena.jobs;

import java.util.List;
import java.util.Optional;
import org.adversarialarena.base.live.LiveTopic;
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
        return submitGan(owner, settings, RunPace.FREE);
    }

    /** Queues a GAN run that starts at {@code pace}: e.g. held, to be stepped by hand from its first step. */
    public TrainingRun submitGan(RunOwner owner, GanRunSettings settings, RunPace pace) {
        checkSteps(owner, settings);
        long id = store.submit(owner, RunKind.GAN, settings.toJson(), settings.steps(), properties.runningAllowed(owner),
                pace);
        return changed(id);
    }

    /**
     * Queues a new GAN run of {@code owner} that starts from the checkpoint at {@code step} of one of their
     * runs, with changed settings; it trains on from there to its own {@code steps}.
     *
     * @throws RunRefusedException          if the parent is not the owner's or has no checkpoint at that step
     * @throws InvalidRunSettingsException if the settings change the networks' shape, or leave no step to take
     * @throws RunQuotaExceededException    as {@link #submitGan}
     */
    public TrainingRun fork(RunOwner owner, long parentId, int step, GanRunSettings settings, RunPace pace) {
        TrainingRun parent = owned(owner, parentId);
        GanRunSettings parentSettings = GanRunSettings.fromJson(parent.settings());
        if (!settings.sameNetworksAs(parentSettings)) {
            throw new InvalidRunSettingsException(List.of(new SettingProblem("loss", "jobs.settings.fork-shape",
                    List.of(), "A fork keeps its parent's dataset, architecture, conditioning, latent size "
                            + "and kind of discriminator output")));
        }
        if (settings.steps() <= step) {
            throw new InvalidRunSettingsException(List.of(new SettingProblem("steps",
                    "jobs.settings.fork-steps", List.of(step),
                    "A fork from step " + step + " needs more steps than " + step)));
        }
        if (!store.checkpointSteps(parentId).contains(step)) {
            throw new RunRefusedException("jobs.refused.no-checkpoint", "Run " + parentId + " has no checkpoint at " + step,
                    step);
        }
        checkSteps(owner, settings);
        long id = store.submitFork(owner, settings.toJson(), settings.steps(), properties.runningAllowed(owner), parentId,
                step, pace);
        return changed(id);
    }

    private void checkSteps(RunOwner owner, GanRunSettings settings) {
        int allowed = properties.stepsAllowed(owner);
        if (settings.steps() > allowed) {
            throw new RunQuotaExceededException(RunQuotaExceededException.Reason.TOO_MANY_STEPS,
                    "A run may take at most " + allowed + " steps, not " + settings.steps(), allowed, settings.steps());
        }
    }

    /** The run if {@code owner} owns it. */
    public TrainingRun owned(RunOwner owner, long runId) {
        return store.find(runId).filter(run -> run.owner().equals(owner))
                .orElseThrow(() -> new RunRefusedException("jobs.refused.not-yours", "Run " + runId + " is not " + owner
                        + "'s"));
    }

    /**
     * Sets how a run takes its steps. A paused run is queued again (it continues at that pace); a held run
     * waits on its worker for {@link #order single steps}.
     *
     * @throws RunQuotaExceededException if a paused run would exceed its owner's running runs
     */
    public boolean setPace(long runId, RunPace pace) {
        boolean accepted = store.setPace(runId, pace);
        running.refresh(runId);
        resumeIfPaused(runId);
        changed(runId);
        return accepted;
    }

    /**
     * Orders one step of D only or G only; the run is held for single steps from then on. A running run takes
     * it on its worker as soon as it sees the order (at once on this node); a paused one is queued first.
     */
    public boolean order(long runId, StepOrder order) {
        boolean accepted = store.order(runId, order);
        running.refresh(runId);
        resumeIfPaused(runId);
        changed(runId);
        return accepted;
    }

    private void resumeIfPaused(long runId) {
        if (store.find(runId).map(run -> run.status() == RunStatus.PAUSED).orElse(false)) {
            resume(runId);
        }
    }

    /** Steps at which the run has a checkpoint to fork from, newest first. */
    public List<Integer> checkpointSteps(long runId) {
        return store.checkpointSteps(runId);
    }

    /** The latest images of the run's fixed latent vectors, one byte per pixel (255 = full ink), if any yet. */
    public Optional<byte[]> samples(long runId) {
        return store.samples(runId);
    }

    /**
     * A finished GAN run's latent interpolation: {@code GanMeters.INTERPOLATION} images, one byte per
     * pixel, between two fixed latent vectors, made from its final networks; empty before it finishes.
     */
    public Optional<byte[]> interpolation(long runId) {
        return store.interpolation(runId);
    }

    /**
     * An instructor promotes one of their finished GAN runs, for Forge, Judge and workshops to pick later.
     *
     * @throws RunRefusedException if the run is not theirs or not finished
     */
    public TrainingRun promote(long accountId, long runId) {
        if (!store.promote(runId, accountId)) {
            throw new RunRefusedException("jobs.refused.not-promotable", "Run " + runId
                    + " is not a finished GAN run of account " + accountId);
        }
        return changed(runId);
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
        RunOwner owner = store.find(runId).map(TrainingRun::owner).orElseThrow(
                () -> new IllegalArgumentException("No training run " + runId));
        boolean accepted = store.resume(runId, properties.runningAllowed(owner));
        changed(runId);
        return accepted;
    }

    public Optional<TrainingRun> find(long runId) {
        return store.find(runId);
    }

    public List<TrainingRun> runsOf(RunOwner owner) {
        return store.ofOwner(owner);
    }

    /**
     * Sets an unfinished run's priority (the admin's queue: {@link TrainingQueue}); false if it is over.
     * Package-private: only the admin's queue may reorder runs.
     */
    boolean reprioritise(long runId, int priority) {
        boolean accepted = store.reprioritise(runId, priority);
        changed(runId);
        return accepted;
    }

    List<QueuedRun> queue() {
        return store.queue();
    }

    /** Queued, running and paused runs, oldest first. */
    public List<TrainingRun> unfinished() {
        return store.unfinished();
    }

    /** The run's progress reports in step order: its loss and meter curves. */
    public List<RunProgressPoint> curve(long runId) {
        return store.curve(runId);
    }

    /** The live topic every change of a run is announced on (key: the run's id), for pages that follow runs. */
    public static LiveTopic<Long> topic() {
        return LiveRunProgressPublisher.TRAINING_RUN;
    }

    private TrainingRun changed(long runId) {
        TrainingRun run = store.find(runId).orElseThrow(() -> new IllegalArgumentException("No training run " + runId));
        publisher.runChanged(run.id(), run.version());
        return run;
    }
}
