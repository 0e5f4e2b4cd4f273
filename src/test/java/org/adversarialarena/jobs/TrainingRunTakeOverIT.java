package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several worker nodes on one queue: this context is a web-only node (it queues, trains nothing)
 * and each test starts db-scheduler instances of its own as the worker nodes, on the same embedded
 * PostgreSQL and the same task. A node "dies" the way kill -9 looks from the database: its
 * connections are cut, its heartbeats stop and its worker thread is interrupted mid-run.
 */
@SpringBootTest(properties = {"arena.jobs.worker=false", "arena.jobs.checkpoint-every=20",
        "arena.jobs.retry-backoff=1s", "arena.jobs.max-retries=2"})
@Import(RecordingRunPublisher.Config.class)
class TrainingRunTakeOverIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Autowired
    TrainingRunService runs;

    @Autowired
    RecordingRunPublisher published;

    @Autowired
    DataSource dataSource;

    @Autowired
    Task<Void> trainingRunTask;

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::stop);
    }

    @Test
    void aRunWhoseNodeDiesIsTakenOverByAnotherNodeAndResumesFromItsLastCheckpoint() {
        Node a = start("node-a");
        TrainingRun run = runs.submitGan(RunOwner.player(201), tiny(100));
        // Node A dies right after reporting step 50; its last checkpoint is step 40.
        published.once(run.id(),
                seen -> "node-a".equals(seen.node()) && seen.status() == RunStatus.RUNNING && seen.step() == 50,
                seen -> a.dieAbruptly());
        awaitClaimedBy("node-a", run.id());
        start("node-b");

        TrainingRun done = awaitEnd(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.node()).isEqualTo("node-b");
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.failures()).as("a node's death is not the run's failure").isZero();
        assertThat(published.reportedSteps(run.id(), 1)).containsExactly(25, 50);
        assertThat(published.reportedSteps(run.id(), 2)).as("node B goes on from the checkpoint at step 40")
                .containsExactly(50, 75, 100);
        assertThat(runs.curve(run.id())).extracting(RunProgressPoint::step).containsExactly(25, 50, 75, 100);
    }

    @Test
    void aNodeThatShutsDownHandsItsRunBackAtACheckpointAndAnotherNodeGoesOn() {
        Node a = start("node-a");
        TrainingRun run = runs.submitGan(RunOwner.player(203), tiny(100));
        // Node A is told to shut down right after reporting step 25, from another thread as a SIGTERM would.
        published.once(run.id(),
                seen -> "node-a".equals(seen.node()) && seen.status() == RunStatus.RUNNING && seen.step() == 25,
                seen -> Thread.ofPlatform().start(a::stop));
        awaitClaimedBy("node-a", run.id());
        start("node-b");

        TrainingRun done = awaitEnd(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.node()).isEqualTo("node-b");
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.failures()).as("a node's shutdown is not the run's failure").isZero();
        assertThat(published.reportedSteps(run.id(), 1)).containsExactly(25);
        assertThat(published.changes(run.id())).as("node A handed the run back to the queue")
                .anySatisfy(change -> assertThat(change.status()).isEqualTo(RunStatus.QUEUED));
        assertThat(published.reportedSteps(run.id(), 2)).as("node B goes on from node A's last step, not from 0")
                .containsExactly(50, 75, 100);
    }

    @Test
    void aFailingRunIsRetriedWithGrowingBackOffAndThenMarkedFailed() {
        TrainingRun run = runs.submitGan(RunOwner.player(202), tiny(60));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // A checkpoint no network can be read from: every try of this run fails the same way.
        jdbc.sql("""
                insert into training_checkpoint (run_id, step, first_network, second_network, created_at)
                values (:id, 20, :junk, :junk, now())""").param("id", run.id()).param("junk", new byte[] {1, 2, 3})
                .update();
        start("node-c");

        Map<Integer, Duration> backOffs = new LinkedHashMap<>();
        TrainingRun failed = Waiting.until(() -> {
            jdbc.sql("""
                    select consecutive_failures, execution_time, last_failure from scheduled_tasks
                    where task_name = 'training-run' and task_instance = :id and consecutive_failures > 0""")
                    .param("id", Long.toString(run.id()))
                    .query((rs, row) -> backOffs.putIfAbsent(rs.getInt(1), Duration.between(
                            rs.getObject(3, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class))))
                    .list();
            return runs.find(run.id()).orElseThrow();
        }, r -> r.status().isFinal(), RUN_TIMEOUT, "the run to fail for good");

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failures()).isEqualTo(3);
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.failureReason()).contains("cannot be read");
        assertThat(backOffs).containsOnlyKeys(1, 2);
        assertThat(backOffs.get(1)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_100));
        assertThat(backOffs.get(2)).as("the back-off doubles").isBetween(Duration.ofMillis(1_900), Duration.ofMillis(2_100));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
                .param("id", Long.toString(run.id())).query(Integer.class).single())
                .as("the queue forgets a run that failed for good").isZero();
    }

    private Node start(String name) {
        Node node = new Node(name);
        nodes.add(node);
        return node;
    }

    private static GanRunSettings tiny(int steps) {
        return GanRunSettings.parse(Map.of("batchSize", 16, "steps", steps));
    }

    /** One worker node: a db-scheduler instance with its own threads and its own way to the database. */
    private final class Node {

        private final SeverableDataSource database = new SeverableDataSource(dataSource);
        private final ExecutorService workers = Executors.newFixedThreadPool(1);
        private final ExecutorService due = Executors.newSingleThreadExecutor();
        private final ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(3);
        private final Scheduler scheduler;

        Node(String name) {
            scheduler = Scheduler.create(database, List.of(trainingRunTask))
                    .schedulerName(new SchedulerName.Fixed(name))
                    .threads(1).executorService(workers).dueExecutor(due).housekeeperExecutor(housekeeping)
                    .pollingInterval(Duration.ofMillis(200)).heartbeatInterval(HEARTBEAT).missedHeartbeatsLimit(4)
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build();
            scheduler.start();
        }

        /** kill -9 as the others see it: no more heartbeats, no more writes, the worker thread stops. */
        void dieAbruptly() {
            database.sever();
            housekeeping.shutdownNow();
            due.shutdownNow();
            workers.shutdownNow();
        }

        /** A dead node's polling thread survives the interrupt (db-scheduler keeps polling until stopped). */
        void stop() {
            scheduler.stop();
        }
    }

    private void awaitClaimedBy(String node, long runId) {
        Waiting.until(() -> runs.find(runId).orElseThrow(), r -> node.equals(r.node()), RUN_TIMEOUT,
                node + " to take the run");
    }

    private TrainingRun awaitEnd(long runId) {
        return Waiting.until(() -> runs.find(runId).orElseThrow(), r -> r.status().isFinal(), RUN_TIMEOUT,
                "the run to end");
    }
}
