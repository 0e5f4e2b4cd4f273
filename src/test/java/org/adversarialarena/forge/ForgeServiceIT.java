package org.adversarialarena.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.detective.Detective;
import org.adversarialarena.ml.detective.DetectiveLearningMain;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.ml.detective.NearDuplicateException;
import org.adversarialarena.ml.detective.NearDuplicates;
import org.adversarialarena.ml.detective.StepFault;
import org.adversarialarena.ml.detective.StepOutcome;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Forge against the real embedded PostgreSQL and the shipped networks, with a fixed seed: forgeries
 * are stored and ranked, the detective learns from a repeated kind of forgery, refuses a NaN step,
 * and a new service instance resumes it from its checkpoint. Automatic training is switched off
 * (train-every is huge) so each test decides when the detective learns.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.forge.checkpoint-every=1000", "arena.forge.seed=1",
        "arena.submissions.min-interval=0s", "arena.submissions.per-minute=1000"})
class ForgeServiceIT {

    private static final int SEVEN = 7;
    /** The other tests forge 1s, so they don't teach the detective the 7 the learning test measures. */
    private static final int ONE = 1;

    @Autowired
    ForgeService forge;

    @Autowired
    LiveDetectives detectives;

    @Autowired
    DetectiveCheckpoints checkpoints;

    @Autowired
    ForgeryLedger ledger;

    @Autowired
    DetectiveFeed feed;

    @Autowired
    ModelCatalog models;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    ForgeProperties properties;

    @Autowired
    PlayerService players;

    @Autowired
    TrainingLease lease;

    @Autowired
    LiveListener live;

    @Autowired
    LeaderboardService leaderboards;

    @Test
    void aRepeatedKindOfForgeryLosesItsVerdictOnceTheDetectiveHasTrainedOnIt() throws Exception {
        Player forger = players.join("han");
        float[] probe = seven(0, 0);
        double before = forge.judge(DatasetId.MNIST, SEVEN, probe).realProbability();
        Instant start = Instant.now();

        Random random = new Random(3);
        Submission first = null;
        for (int i = 0; i < 12; i++) {
            Submission submission = forge.submit(forger, DatasetId.MNIST, SEVEN, seven(random.nextInt(3) - 1, random.nextInt(3) - 1));
            first = first == null ? submission : first;
        }
        assertThat(first.score().classifierAgrees()).as("the LeNet reads the drawn 7 as a 7").isTrue();
        assertThat(leaderboards.top(ForgeService.board(DatasetId.MNIST, SEVEN)))
                .anySatisfy(standing -> assertThat(standing.nickname()).isEqualTo("han"));

        List<StepOutcome> outcomes = detectives.train(DatasetId.MNIST, 20, network -> {
        }).get();
        double after = forge.judge(DatasetId.MNIST, SEVEN, probe).realProbability();

        // The health check may refuse a step that happens to hurt its real-image accuracy; most must pass.
        assertThat(outcomes.stream().filter(StepOutcome::accepted).count()).isGreaterThanOrEqualTo(15);
        assertThat(after).isLessThan(before / 2);
        assertThat(forge.detectiveStatus(DatasetId.MNIST).forgeriesSeen()).isGreaterThanOrEqualTo(12);

        List<Reverdict> finalVerdict = forge.finalVerdict(DatasetId.MNIST, start, Instant.now().plusSeconds(1));
        assertThat(finalVerdict).hasSizeGreaterThanOrEqualTo(12);
        assertThat(finalVerdict).allSatisfy(reverdict ->
                assertThat(reverdict.points()).isLessThanOrEqualTo(reverdict.forgery().score() + 1e-9));
    }

    @Test
    void theGeneratorsStandingIsComputedOncePerDetectiveVersionAndFollowsItsLearning() throws Exception {
        int three = 3;
        GeneratorStanding before = forge.generatorStanding(DatasetId.MNIST, three);
        assertThat(before.samples()).isEqualTo(32);
        // Every open page asks when the detective changes: while it has not, they all share one answer.
        assertThat(forge.generatorStanding(DatasetId.MNIST, three)).isSameAs(before);

        forge.submit(players.join("grace"), DatasetId.MNIST, ONE, one(0));
        List<StepOutcome> outcomes = detectives.train(DatasetId.MNIST, 3, network -> {
        }).get();
        assumeThat(outcomes).anyMatch(StepOutcome::accepted);
        GeneratorStanding after = forge.generatorStanding(DatasetId.MNIST, three);
        assertThat(after.detectiveVersion()).isGreaterThan(before.detectiveVersion())
                .isEqualTo(forge.detectiveStatus(DatasetId.MNIST).version());
        assertThat(after.meanRealProbability()).isNotEqualTo(before.meanRealProbability());
    }

    /** A new shipped pair starts its detective afresh: one trained from the old pair's D is not resumed beside the new G. */
    @Test
    void aCheckpointOfADetectiveThatWentLiveFromAnotherShippedPairIsNeverResumed() {
        long oldPairVersion = 1_000_000;
        jdbc.update("insert into detective_checkpoint (dataset, gan_version, version, forgeries_seen, network,"
                + " loss_curve, recent_catches, rollbacks, last_forgery_id, created_at)"
                + " values ('mnist', ?, ?, 0, ?, '', '', 0, 0, now())", models.ganVersion(DatasetId.MNIST) - 1, oldPairVersion,
                new byte[] {0});
        try {
            DetectiveScope global = DetectiveScope.global(DatasetId.MNIST);
            assertThat(checkpoints.newestVersion(global)).isLessThan(oldPairVersion);
            assertThat(checkpoints.startingPoint(global).map(stored -> stored.checkpoint().version()).orElse(0L))
                    .isLessThan(oldPairVersion);
        } finally {
            jdbc.update("delete from detective_checkpoint where version = ?", oldPairVersion);
        }
    }

    @Test
    void aStrokeIsAnsweredInOneCallWithTheSaliencyOnlyWhenItIsShown() {
        float[] stroke = one(3);

        LiveVerdict shown = forge.judge(DatasetId.MNIST, ONE, stroke, true);
        LiveVerdict hidden = forge.judge(DatasetId.MNIST, ONE, stroke, false);

        assertThat(shown.saliencyMap()).hasValueSatisfying(map -> {
            assertThat(map).hasSize(ImagePixels.COUNT);
            assertThat(ImagePixels.inkedCount(map)).isPositive();
        });
        assertThat(hidden.saliencyMap()).isEmpty();
        // With the map, the verdict comes from the map's own pass: the same up to a float's last bits.
        assertThat(shown.realProbability()).isCloseTo(hidden.realProbability(), within(1e-6));
        assertThat(shown.classProbabilities()).containsExactly(hidden.classProbabilities());
        assertThat(shown.detectiveVersion()).isEqualTo(hidden.detectiveVersion());
    }

    @Test
    void judgingTheSameImageAgainAsksOnlyTheDetectiveAndKeepsTheClassifiersView() throws Exception {
        float[] stroke = one(2);
        LiveVerdict earlier = forge.judge(DatasetId.MNIST, ONE, stroke, false);
        float[] planted = earlier.classProbabilities().clone();
        Arrays.fill(planted, 0.1f);
        LiveVerdict marked = new LiveVerdict(earlier.realProbability(), planted, earlier.detectiveVersion(), null);
        detectives.train(DatasetId.MNIST, 1, StepFault.NONE).get();

        LiveVerdict again = forge.judgeAgain(DatasetId.MNIST, ONE, stroke, marked, true);
        LiveVerdict fresh = forge.judge(DatasetId.MNIST, ONE, stroke, true);

        // The classifier was not asked: the planted probabilities came through.
        assertThat(again.classProbabilities()).containsExactly(planted);
        assertThat(again.realProbability()).isEqualTo(fresh.realProbability());
        assertThat(again.detectiveVersion()).isEqualTo(fresh.detectiveVersion());
        assertThat(again.saliencyMap()).isPresent();
    }

    @Test
    void aTrainingStepThatProducesNaNIsRolledBack() throws Exception {
        forge.submit(players.join("ada"), DatasetId.MNIST, ONE, one(1));
        float[] probe = one(0);
        long version = forge.detectiveStatus(DatasetId.MNIST).version();
        double before = forge.judge(DatasetId.MNIST, ONE, probe).realProbability();

        List<StepOutcome> outcomes = detectives.train(DatasetId.MNIST, 1,
                network -> network.params().putScalar(0, Double.NaN)).get();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.reason()).contains("NaN");
        });
        assertThat(forge.detectiveStatus(DatasetId.MNIST).version()).isEqualTo(version);
        assertThat(forge.judge(DatasetId.MNIST, ONE, probe).realProbability()).isEqualTo(before);
        assertThat(forge.detectiveStatus(DatasetId.MNIST).rollbacks()).isPositive();
    }

    /** Issue 24: the weights, and the counters too (forgeries seen, the catch rate's window, rollbacks). */
    @Test
    void aNewServiceInstanceResumesTheDetectiveAndItsCountersFromItsLatestCheckpoint() throws Exception {
        Player linus = players.join("linus");
        forge.submit(linus, DatasetId.MNIST, ONE, one(-1));
        for (int round = 0; round < 5 && detectives.of(DatasetId.MNIST).version() == 1; round++) {
            detectives.train(DatasetId.MNIST, 2, network -> {
            }).get();
        }
        detectives.train(DatasetId.MNIST, 1, network -> network.params().putScalar(0, Double.NaN)).get();
        forge.submit(linus, DatasetId.MNIST, ONE, one(1));
        detectives.checkpoint(DatasetId.MNIST).get();
        DetectiveStats before = detectives.of(DatasetId.MNIST).stats();
        float[] probe = one(2);
        double verdict = detectives.of(DatasetId.MNIST).realness(probe, ONE);

        // The same node restarted: a new instance on the same database, with nothing in memory.
        LiveDetectives restarted = new LiveDetectives(models, checkpoints, ledger, feed, properties, lease, live);
        try {
            DetectiveStats resumed = restarted.current(DetectiveScope.global(DatasetId.MNIST));

            assertThat(resumed.version()).isEqualTo(before.version()).isGreaterThan(1);
            assertThat(resumed.forgeriesSeen()).isEqualTo(before.forgeriesSeen()).isGreaterThanOrEqualTo(2);
            assertThat(resumed.recentForgeries()).isEqualTo(before.recentForgeries()).isPositive();
            assertThat(resumed.catchRate()).isEqualTo(before.catchRate());
            assertThat(resumed.rollbacks()).isEqualTo(before.rollbacks()).isPositive();
            assertThat(resumed.lossCurve()).as("stored to 6 significant digits")
                    .usingElementComparator(DetectiveOnTwoNodesIT.SIX_DIGITS).isEqualTo(before.lossCurve());
            assertThat(restarted.of(DatasetId.MNIST).realness(probe, ONE)).isCloseTo(verdict, within(1e-6));

            // A forgery stored after the checkpoint is counted once, by the restarted node too.
            forge.submit(linus, DatasetId.MNIST, ONE, one(0));
            assertThat(restarted.current(DetectiveScope.global(DatasetId.MNIST)).forgeriesSeen())
                    .isEqualTo(forge.detectiveStatus(DatasetId.MNIST).forgeriesSeen())
                    .isEqualTo(before.forgeriesSeen() + 1);
        } finally {
            restarted.destroy();
        }
    }

    @Test
    void everyFewSubmissionsTheDetectiveTrainsInTheBackgroundAndCheckpointsItself() throws Exception {
        // Fashion-MNIST, so this detective's checkpoints never mix with the MNIST tests'.
        ForgeProperties everySecond = new ForgeProperties(2, 2, 2, 3, properties.learningRate(), 1,
                properties.duplicateThreshold(), 0, properties.trainingLease(), Duration.ZERO);
        LiveDetectives node = new LiveDetectives(models, checkpoints, ledger, feed, everySecond, lease, live);
        DetectiveScope fashion = DetectiveScope.global(DatasetId.FASHION_MNIST);
        Player bagger = players.join("bagger");
        float[] bag = new float[784];
        for (int y = 8; y < 24; y++) {
            for (int x = 5; x < 23; x++) {
                bag[y * 28 + x] = 0.6f;
            }
        }
        try {
            store(bagger, bag, 0.4);
            node.observed(fashion);
            assertThat(node.of(DatasetId.FASHION_MNIST).version()).isEqualTo(1);
            store(bagger, bag, 0.3);
            node.observed(fashion);
            node.checkpoint(DatasetId.FASHION_MNIST).get();

            assertThat(node.of(DatasetId.FASHION_MNIST).stats().forgeriesSeen()).isEqualTo(2);
            assertThat(node.of(DatasetId.FASHION_MNIST).stats().catchRate()).as("0.4 and 0.3 were both caught").isEqualTo(1.0);
            assertThat(node.of(DatasetId.FASHION_MNIST).version()).as("two steps queued after the second submission")
                    .isGreaterThan(1);
            assertThat(checkpoints.latest(fashion)).hasValueSatisfying(stored -> {
                assertThat(stored.checkpoint().version()).isEqualTo(node.of(DatasetId.FASHION_MNIST).version());
                assertThat(stored.checkpoint().forgeriesSeen()).isEqualTo(2);
                assertThat(stored.checkpoint().recentCatches()).containsExactly(true, true);
            });
        } finally {
            node.destroy();
        }
    }

    @Test
    void whoFollowsTheDetectiveSeesItsStatusOnceItHasJudgedAForgery() throws InterruptedException {
        BlockingQueue<DetectiveStats> seen = new LinkedBlockingQueue<>();
        long before = forge.detectiveStatus(DatasetId.MNIST).forgeriesSeen();

        try (Subscription following = forge.followDetective(DatasetId.MNIST, seen::add)) {
            forge.submit(players.join("rosalind"), DatasetId.MNIST, ONE, one(1));

            // Another test's training round may announce itself first: wait for the status that counts this forgery.
            DetectiveStats status;
            do {
                status = seen.poll(10, TimeUnit.SECONDS);
                assertThat(status).as("the detective's new status arrives").isNotNull();
            } while (status.forgeriesSeen() <= before);
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
        Player player = players.join("mallory");
        long before = ledger.count(DatasetId.MNIST);
        float[] outOfRange = seven(0, 0);
        outOfRange[3] = 1.5f;
        float[] notANumber = seven(0, 0);
        notANumber[3] = Float.NaN;

        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, SEVEN, new float[10]))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("784");
        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, SEVEN, notANumber))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, SEVEN, outOfRange))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, SEVEN, ImagePixels.blank()))
                .isInstanceOf(BlankForgeryException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, 10, seven(0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no class 10");
        float[] copy = models.dataset(DatasetId.MNIST).train().image(5);
        assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, models.dataset(DatasetId.MNIST).train().label(5), copy))
                .isInstanceOf(NearDuplicateException.class).hasMessageContaining("copy");

        assertThat(ledger.count(DatasetId.MNIST)).isEqualTo(before);
    }

    /** Issue 24: a real test image shifted one pixel scored 51–60 points. */
    @Test
    void aRealTestImageMovedOnePixelIsStillACopy() {
        Player player = players.join("shifter");
        long before = ledger.count(DatasetId.MNIST);
        ImageSet test = models.dataset(DatasetId.MNIST).test();
        for (int index : new int[] {0, 1, 2}) {
            float[] moved = NearDuplicates.shifted(test.image(index), 0, 1);
            assertThatThrownBy(() -> forge.submit(player, DatasetId.MNIST, test.label(index), moved))
                    .isInstanceOf(NearDuplicateException.class);
        }
        assertThat(ledger.count(DatasetId.MNIST)).isEqualTo(before);
    }

    /**
     * A {@code kill -9} between a forgery's commit and its answer leaves it stored and never shown: it
     * is handed out once, for the page to show; one the page showed is not.
     */
    @Test
    void aForgeryStoredButNeverShownIsHandedOutOnceAndAShownOneNever() {
        Player player = players.join("unseen");
        long playerId = requireId(player);
        Submission shown = forge.submit(player, DatasetId.MNIST, ONE, one(0));
        forge.resultShown(shown.forgeryId(), playerId);
        Submission lost = forge.submit(player, DatasetId.MNIST, ONE, one(3));

        assertThat(forge.takeUnseenResults(playerId)).singleElement().satisfies(result -> {
            assertThat(result.id()).isEqualTo(lost.forgeryId());
            assertThat(result.points()).isEqualTo(lost.score().points());
        });
        assertThat(forge.takeUnseenResults(playerId)).isEmpty();
        assertThat(forge.takeUnseenResults(requireId(players.join("someone-else")))).isEmpty();
    }

    /** A bag forgery stored as judged {@code realProbability}, as a submission would store it. */
    private void store(Player player, float[] bag, double realProbability) {
        float[] classes = new float[10];
        classes[8] = 1f;
        ledger.record(player, ForgeService.board(DatasetId.FASHION_MNIST, 8), DatasetId.FASHION_MNIST, 8, 1, bag,
                DetectiveVerdict.of(realProbability, classes, 8));
    }

    private static long requireId(Player player) {
        return java.util.Objects.requireNonNull(player.getId());
    }

    static float[] seven(int dx, int dy) {
        return DetectiveLearningMain.blockySeven(dx, dy);
    }

    /** A vertical bar with a small flag at the top, shifted by dx. */
    static float[] one(int dx) {
        float[] image = ImagePixels.blank();
        for (int y = 5; y <= 22; y++) {
            ink(image, 14 + dx, y);
            ink(image, 15 + dx, y);
        }
        ink(image, 13 + dx, 6);
        ink(image, 12 + dx, 7);
        return image;
    }

    private static void ink(float[] image, int x, int y) {
        if (x >= 0 && x < ImagePixels.SIDE && y >= 0 && y < ImagePixels.SIDE) {
            image[y * ImagePixels.SIDE + x] = 1f;
        }
    }
}
