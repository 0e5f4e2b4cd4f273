package org.adversarialarena.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.jobs.Waiting;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveLearningMain;
import org.adversarialarena.ml.detective.StepFault;
import org.adversarialarena.ml.detective.StepOutcome;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24, a second node: two nodes' live detectives on one real PostgreSQL (two {@link LiveDetectives},
 * each with a lease of its own name, hearing each other through the real LISTEN/NOTIFY), asked to train
 * the same detective at the same time. Only the lease holder trains, no two training steps ever overlap,
 * the other node serves the holder's latest checkpoint, and when the holder dies the other takes over from
 * that checkpoint. Automatic training is off (train-every is huge) so the test decides when rounds run.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.forge.checkpoint-every=1",
        "arena.forge.checkpoint-interval=0s", "arena.forge.seed=1",
        "arena.submissions.min-interval=0s", "arena.submissions.per-minute=1000"})
class DetectiveOnTwoNodesIT {

    private static final DetectiveScope MNIST = DetectiveScope.global(DatasetId.MNIST);
    private static final int SEVEN = 7;
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    /** A checkpoint keeps the loss curve to 6 significant digits. */
    static final Comparator<Double> SIX_DIGITS = (x, y) -> Math.abs(x - y) <= 1e-5 * Math.max(Math.abs(x), Math.abs(y))
            ? 0 : Double.compare(x, y);

    @Autowired
    ForgeService forge;

    @Autowired
    ModelCatalog models;

    @Autowired
    DetectiveCheckpoints checkpoints;

    @Autowired
    ForgeryLedger ledger;

    @Autowired
    DetectiveFeed feed;

    @Autowired
    ForgeProperties properties;

    @Autowired
    LiveListener live;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    /** Counts who is inside a training step right now, over both nodes, and the most ever at once. */
    private static final class StepWatch {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        StepFault on(AtomicInteger stepsOfThisNode) {
            return network -> {
                mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                stepsOfThisNode.incrementAndGet();
                try {
                    // Long enough that two nodes training at once would be caught inside together.
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                }
            };
        }
    }

    @Test
    void onlyOneNodeTrainsAtATimeAndTheOtherServesItsLatestCheckpoint() throws Exception {
        submitSevens(players.join("ada-two-nodes"), 6);
        LiveDetectives a = node("node-a1", Duration.ofMinutes(2));
        LiveDetectives b = node("node-b1", Duration.ofMinutes(2));
        try {
            StepWatch watch = new StepWatch();
            AtomicInteger stepsOfA = new AtomicInteger();
            AtomicInteger stepsOfB = new AtomicInteger();
            List<CompletableFuture<List<StepOutcome>>> roundsOfA = new ArrayList<>();
            List<CompletableFuture<List<StepOutcome>>> roundsOfB = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                roundsOfA.add(a.train(MNIST, 2, watch.on(stepsOfA)));
                roundsOfB.add(b.train(MNIST, 2, watch.on(stepsOfB)));
            }
            CompletableFuture.allOf(roundsOfA.toArray(CompletableFuture[]::new)).get();
            CompletableFuture.allOf(roundsOfB.toArray(CompletableFuture[]::new)).get();

            assertThat(watch.mostAtOnce.get()).as("training steps inside each other").isEqualTo(1);
            assertThat(stepsOfA.get() == 0 || stepsOfB.get() == 0).as("one node trained: A %d steps, B %d steps",
                    stepsOfA.get(), stepsOfB.get()).isTrue();
            boolean aTrained = stepsOfA.get() > 0;
            LiveDetectives trainer = aTrained ? a : b;
            LiveDetectives server = aTrained ? b : a;
            assertThat(aTrained ? stepsOfA.get() : stepsOfB.get()).isEqualTo(16);
            assertThat(aTrained ? roundsOfB : roundsOfA).allSatisfy(round -> assertThat(round.get()).isEmpty());
            assertThat(holder()).isEqualTo(aTrained ? "node-a1" : "node-b1");

            long trained = trainer.of(MNIST).version();
            assertThat(trained).isGreaterThan(1);
            assertThat(checkpoints.newestVersion(MNIST)).as("the trainer checkpoints every accepted step").isEqualTo(trained);
            // The other node hears of it through NOTIFY and takes the checkpoint up: it judges like the trainer.
            Waiting.until(() -> server.of(MNIST).version(), version -> version == trained, TIMEOUT,
                    "the serving node to take up checkpoint v" + trained);
            float[] probe = DetectiveLearningMain.blockySeven(1, 1);
            assertThat(server.of(MNIST).realness(probe, SEVEN)).isCloseTo(trainer.of(MNIST).realness(probe, SEVEN),
                    within(1e-6));
            assertThat(server.current(MNIST).lossCurve()).usingElementComparator(SIX_DIGITS)
                    .isEqualTo(trainer.current(MNIST).lossCurve());
            assertThat(server.current(MNIST).forgeriesSeen()).as("both count every stored forgery once")
                    .isEqualTo(trainer.current(MNIST).forgeriesSeen()).isEqualTo(ledger.count(DatasetId.MNIST));
        } finally {
            release(a, "node-a1");
            release(b, "node-b1");
        }
    }

    @Test
    void whenTheTrainingNodeDiesAnotherTakesOverFromItsLatestCheckpointOnceTheLeaseHasExpired() throws Exception {
        submitSevens(players.join("bob-two-nodes"), 4);
        // Long enough that A's lease outlives its round and B's first try on a loaded machine, short for the test.
        Duration lease = Duration.ofSeconds(15);
        LiveDetectives a = node("node-a2", lease);
        LiveDetectives b = node("node-b2", lease);
        try {
            assertThat(a.train(MNIST, 2, StepFault.NONE).get()).isNotEmpty();
            assertThat(b.train(MNIST, 2, StepFault.NONE).get()).as("A holds the lease").isEmpty();
            long lastOfA = checkpoints.newestVersion(MNIST);
            a.destroy(); // A dies without giving its lease up: B waits for it to expire.

            List<StepOutcome> taken = Waiting.until(() -> join(b.train(MNIST, 2, StepFault.NONE)), outcomes -> !outcomes.isEmpty(),
                    TIMEOUT, "node B to take the lease over");

            assertThat(holder()).isEqualTo("node-b2");
            StepOutcome first = taken.getFirst();
            assertThat(first.version()).as("B went on from A's latest checkpoint")
                    .isEqualTo(first.accepted() ? lastOfA + 1 : lastOfA);
            assertThat(checkpoints.newestVersion(MNIST)).isEqualTo(b.of(MNIST).version()).isGreaterThanOrEqualTo(lastOfA);
        } finally {
            release(a, "node-a2");
            release(b, "node-b2");
        }
    }

    @Test
    void stepsAcceptedWithinTheCheckpointIntervalWaitForOneCheckpointAtItsEnd() throws Exception {
        submitSevens(players.join("cy-two-nodes"), 4);
        ForgeProperties paced = new ForgeProperties(properties.trainEvery(), 2, 1, properties.keepCheckpoints(),
                properties.learningRate(), properties.seed(), properties.duplicateThreshold(), properties.replayOnStart(),
                properties.trainingLease(), Duration.ofSeconds(4));
        LiveDetectives a = node("node-a3", Duration.ofMinutes(2), paced);
        try {
            List<StepOutcome> first = Waiting.until(() -> join(a.train(MNIST, 1, StepFault.NONE)),
                    outcomes -> outcomes.stream().anyMatch(StepOutcome::accepted), TIMEOUT, "a first accepted step");
            assertThat(checkpoints.newestVersion(MNIST)).as("the first checkpoint due is written at once")
                    .isEqualTo(first.getLast().version()).isEqualTo(a.of(MNIST).version());

            List<StepOutcome> soon = Waiting.until(() -> join(a.train(MNIST, 2, StepFault.NONE)),
                    outcomes -> outcomes.stream().anyMatch(StepOutcome::accepted), TIMEOUT, "another accepted step");
            long trained = a.of(MNIST).version();
            assertThat(trained).isEqualTo(soon.getLast().version());
            assertThat(checkpoints.newestVersion(MNIST)).as("steps within the interval are not checkpointed yet")
                    .isLessThan(trained);

            Waiting.until(() -> checkpoints.newestVersion(MNIST), version -> version == trained, TIMEOUT,
                    "the deferred checkpoint of v" + trained);
        } finally {
            release(a, "node-a3");
        }
    }

    private LiveDetectives node(String name, Duration lease) {
        return node(name, lease, properties);
    }

    private LiveDetectives node(String name, Duration lease, ForgeProperties settings) {
        return new LiveDetectives(models, checkpoints, ledger, feed, settings, new TrainingLease(jdbc, lease, name), live);
    }

    private void release(LiveDetectives node, String name) throws InterruptedException {
        node.destroy();
        new TrainingLease(jdbc, Duration.ofSeconds(1), name).release(MNIST);
    }

    private void submitSevens(Player player, int count) {
        Random random = new Random(11);
        for (int i = 0; i < count; i++) {
            forge.submit(player, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(random.nextInt(3) - 1,
                    random.nextInt(3) - 1));
        }
    }

    private String holder() {
        return jdbc.queryForObject("select holder from detective_training_lease where scope = ?", String.class, MNIST.key());
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.join();
    }
}
