package org.adversarialarena.jobs;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/** The runs this node is training now, each with the {@link StepGuard} that keeps its stop flags fresh. */
@Component
class RunningJobs {

    private final TrainingRunStore store;
    private final JobsProperties properties;
    private final Map<Long, StepGuard> guards = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-signal-poller").daemon().factory());

    RunningJobs(TrainingRunStore store, JobsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Starts guarding a run this node has claimed; close the guard when the job ends. */
    StepGuard guard(long runId, int attempt, BooleanSupplier nodeStopping) {
        StepGuard guard = new StepGuard(store, runId, attempt, nodeStopping);
        long every = properties.signalPoll().toMillis();
        guard.pollWith(poller.scheduleWithFixedDelay(guard::refresh, every, every, TimeUnit.MILLISECONDS));
        guards.put(runId, guard);
        return guard;
    }

    void release(StepGuard guard) {
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
