package org.adversarialarena.jobs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The publisher the engine calls, as a test sees it: every change of a run with the run as it then
 * stood, and a hook that acts at a chosen moment on the thread that published (for a job: the
 * training thread, between two steps, which is what makes "stops within one step" exact).
 */
class RecordingRunPublisher implements RunProgressPublisher {

    private final ObjectProvider<TrainingRunService> runs;
    private final List<TrainingRun> changes = new CopyOnWriteArrayList<>();
    private final Map<Long, Hook> hooks = new ConcurrentHashMap<>();

    RecordingRunPublisher(ObjectProvider<TrainingRunService> runs) {
        this.runs = runs;
    }

    @Override
    public void runChanged(long runId, long version) {
        TrainingRun run = runs.getObject().find(runId).orElseThrow();
        changes.add(run);
        Hook hook = hooks.get(runId);
        // Removed before it acts: what it does (cancel, pause) publishes again, and must not trigger it twice.
        if (hook != null && hook.when().test(run) && hooks.remove(runId, hook)) {
            hook.action().accept(run);
        }
    }

    /** Acts once, the first time the run changes into a state that {@code when} accepts. */
    void once(long runId, Predicate<TrainingRun> when, Consumer<TrainingRun> action) {
        hooks.put(runId, new Hook(when, action));
    }

    private record Hook(Predicate<TrainingRun> when, Consumer<TrainingRun> action) {
    }

    /**
     * The steps a run reported progress at in {@code attempt}, in order. The attempt's first change is
     * its claim, which still shows the step the previous attempt had reached, so it is left out.
     */
    List<Integer> reportedSteps(long runId, int attempt) {
        return changes.stream().filter(run -> run.id() == runId && run.attempt() == attempt
                && run.status() == RunStatus.RUNNING).skip(1).map(TrainingRun::step).toList();
    }

    List<TrainingRun> changes(long runId) {
        return changes.stream().filter(run -> run.id() == runId).toList();
    }

    @TestConfiguration
    static class Config {

        @Bean
        @Primary
        RecordingRunPublisher recordingRunPublisher(ObjectProvider<TrainingRunService> runs) {
            return new RecordingRunPublisher(runs);
        }
    }
}
