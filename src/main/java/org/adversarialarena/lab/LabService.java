package org.adversarialarena.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.ReloadingFeed;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.jobs.GanRunSettings;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.StepOrder;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.jobs.TrainingRunService;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.LimitReachedException;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.springframework.stereotype.Service;

/**
 * The Lab's use of the job engine: starts, forks and steers GAN runs for their owner (a player, or an
 * instructor's account), each action checked against ownership and rate-limited, and follows runs live.
 * The settings are validated by the engine ({@link GanRunSettings#parse}), every problem named.
 */
@Service
public class LabService {

    static final RateLimit STARTS = new RateLimit("lab-starts", 20, Duration.ofHours(1));
    static final RateLimit STEERING = new RateLimit("lab-steering", 300, Duration.ofMinutes(1));

    private final TrainingRunService runs;
    private final RateLimiter limiter;
    private final ReloadingFeed<Long, LabSnapshot> feed;

    LabService(TrainingRunService runs, RateLimiter limiter, LiveListener live) {
        this.runs = runs;
        this.limiter = limiter;
        this.feed = live.feed(TrainingRunService.topic(), this::snapshot);
    }

    /**
     * Starts a run from named settings, freely or held for single steps from its first.
     *
     * @throws org.adversarialarena.jobs.InvalidRunSettingsException    naming every problem of the settings
     * @throws org.adversarialarena.jobs.RunQuotaExceededException       over the owner's runs or steps
     * @throws LimitReachedException                                     too many starts
     */
    public LabSnapshot start(RunOwner owner, Map<String, ?> values, RunPace pace) {
        GanRunSettings settings = GanRunSettings.parse(values);
        admit(STARTS, owner);
        return snapshot(runs.submitGan(owner, settings, pace).id());
    }

    /** A new run from the checkpoint at {@code step} of one of the owner's runs, with the given settings. */
    public LabSnapshot fork(RunOwner owner, long parentId, int step, Map<String, ?> values) {
        GanRunSettings settings = GanRunSettings.parse(values);
        admit(STARTS, owner);
        return snapshot(runs.fork(owner, parentId, step, settings, RunPace.FREE).id());
    }

    public void pace(RunOwner owner, long runId, RunPace pace) {
        steer(owner, runId);
        runs.setPace(runId, pace);
    }

    public void step(RunOwner owner, long runId, StepOrder order) {
        steer(owner, runId);
        runs.order(runId, order);
    }

    public void stop(RunOwner owner, long runId) {
        steer(owner, runId);
        runs.cancel(runId);
    }

    /** An instructor's account promotes one of its finished runs (Forge, Judge and workshops may pick it). */
    public LabSnapshot promote(long accountId, long runId) {
        runs.promote(accountId, runId);
        return snapshot(runId);
    }

    /** The owner's runs, newest first. */
    public List<TrainingRun> runsOf(RunOwner owner) {
        return runs.runsOf(owner);
    }

    /** One of the owner's runs as the page shows it. */
    public LabSnapshot open(RunOwner owner, long runId) {
        runs.owned(owner, runId);
        return snapshot(runId);
    }

    /** Hands {@code follower} the run after each of its changes, until closed. */
    public Subscription follow(long runId, Consumer<LabSnapshot> follower) {
        return feed.follow(runId, follower);
    }

    private void steer(RunOwner owner, long runId) {
        runs.owned(owner, runId);
        admit(STEERING, owner);
    }

    private void admit(RateLimit limit, RunOwner owner) {
        Admission admission = limiter.hit(limit, owner.toString());
        if (!admission.allowed()) {
            throw new LimitReachedException(limit.name(), admission.retryAfter());
        }
    }

    LabSnapshot snapshot(long runId) {
        TrainingRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("No training run " + runId));
        return new LabSnapshot(run, GanRunSettings.fromJson(run.settings()), runs.curve(runId),
                images(runs.samples(runId)), runs.checkpointSteps(runId), images(runs.interpolation(runId)));
    }

    /** Images stored one byte per pixel, back in [0, 1]. */
    private static List<float[]> images(Optional<byte[]> stored) {
        List<float[]> images = new ArrayList<>();
        stored.ifPresent(bytes -> {
            for (int from = 0; from + ImagePixels.COUNT <= bytes.length; from += ImagePixels.COUNT) {
                float[] image = new float[ImagePixels.COUNT];
                for (int i = 0; i < ImagePixels.COUNT; i++) {
                    image[i] = Byte.toUnsignedInt(bytes[from + i]) / 255f;
                }
                images.add(image);
            }
        });
        return images;
    }
}
