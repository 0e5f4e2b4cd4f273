package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A held run's guard and the race that once took one G step twice: the poll's read of the run's row
 * started before the step was counted and ended after the job's own reread. Here that late, older read
 * is handed to the guard on purpose (a store whose next read answers with a snapshot taken earlier), on
 * the real embedded PostgreSQL; no worker runs, so nothing else touches the run.
 */
@SpringBootTest(properties = "arena.jobs.worker=false")
class StepGuardIT {

    @Autowired
    TrainingRunService runs;

    @Autowired
    DataSource dataSource;

    @Autowired
    RunQueue queue;

    @Autowired
    Clock clock;

    @Test
    void aReadOlderThanTheSignalsTheGuardHoldsDoesNotOrderTheStepAgain() {
        TrainingRun run = runs.submitGan(RunOwner.player(301),
                GanRunSettings.parse(Map.of("batchSize", 16, "steps", 100)), RunPace.HELD);
        LateReads store = new LateReads(dataSource, queue, clock);
        assertThat(runs.order(run.id(), StepOrder.GENERATOR)).isTrue();
        RunSignals ordered = store.signals(run.id());
        assertThat(ordered.nextOrder()).isEqualTo(StepOrder.GENERATOR);

        // the step is taken and counted; the job rereads the row at once
        assertThat(store.recordProgress(run.id(), ordered.attempt(), new RunProgressPoint(1, 0.7, 0.7, Map.of()),
                null, StepOrder.GENERATOR)).isPresent();
        StepGuard guard = new StepGuard(store, run.id(), ordered.attempt(), () -> false);
        RunSignals afterTheStep = guard.signals();
        assertThat(afterTheStep.nextOrder()).isNull();
        assertThat(afterTheStep.version()).isGreaterThan(ordered.version());

        // the poll's read that began before the step arrives now
        store.nextReadAnswers(ordered);
        guard.refresh();
        assertThat(guard.signals()).as("the older read is ignored").isEqualTo(afterTheStep);

        // a newer order is taken up by the next read
        assertThat(runs.order(run.id(), StepOrder.DISCRIMINATOR)).isTrue();
        guard.refresh();
        assertThat(guard.signals().nextOrder()).isEqualTo(StepOrder.DISCRIMINATOR);
        assertThat(guard.signals().version()).isGreaterThan(afterTheStep.version());
        runs.cancel(run.id());
    }

    /** The real store, except that its next read of a run's signals can be made to answer late. */
    private static final class LateReads extends TrainingRunStore {

        private final AtomicReference<@Nullable RunSignals> late = new AtomicReference<>();

        LateReads(DataSource dataSource, RunQueue queue, Clock clock) {
            super(dataSource, queue, clock);
        }

        void nextReadAnswers(RunSignals earlier) {
            late.set(earlier);
        }

        @Override
        RunSignals signals(long id) {
            RunSignals earlier = late.getAndSet(null);
            return earlier != null ? earlier : super.signals(id);
        }
    }
}
