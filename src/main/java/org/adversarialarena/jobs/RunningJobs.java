package org.adversarialarena.jobs;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.Subscription;
import org.springframework.stereotype.Component;

/**
 * The runs this node is training now, each with the {@link StepGuard} that keeps its stop flags fresh:
 * polled, and refreshed at once when any node announces a change of the run.
 */
@Component
class RunningJobs {

    private final TrainingRunStore store;
    private final JobsProperties properties;
    private final LiveListener live;
    private final Map<Long, StepGuard> guards = new ConcurrentHashMap<>();
    private final Map<StepGuard, Subscription> announcements = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-signal-poller").daemon().factory());

    RunningJobs(TrainingRunStore store, JobsProperties properties, LiveListener live) {
        this.store = store;
        this.properties = properties;
        this.live = live;
    }

    /** Starts guarding a run this node has claimed; close the guard when the job ends. */
    StepGuard guard(long runId, int attempt, BooleanSupplier nodeStopping) {
        StepGuard guard = new StepGuard(store, runId, attempt, nodeStopping);
        long every = properties.signalPoll().toMillis();
        guard.pollWith(poller.scheduleWithFixedDelay(guard::refresh, every, every, TimeUnit.MILLISECONDS));
        guards.put(runId, guard);
        announcements.put(guard, live.subscribe(LiveRunProgressPublisher.TRAINING_RUN, runId, change -> guard.refresh()));
        return guard;
    }

    void release(StepGuard guard) {
        Subscription announcement = announcements.remove(guard);
        if (announcement != null) {
            announcement.close();
        }
        guard.close();
        guards.remove(guard.runId(), guard);
    }

    /** A stop was just requested on this node: if it trains the run, it sees the flag before its next step. */
    void refresh(long runId) {
        StepGuard guard = guards.get(runId);
        if (guard != null) {
            guard.refresh();
        }
    }

    @PreDestroy
    void stopPolling() {
        poller.shutdownNow();
    }
}
