package org.adversarialarena.fool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.fool.SubmissionRejectedException.Reason;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.leaderboard.Standing;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.round.TooManySubmissionsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Fool game's server rules against the real database and the shipped networks. */
@SpringBootTest
class FoolServiceIT {

    @Autowired
    FoolService fool;

    @Autowired
    PlayerService players;

    @Autowired
    ModelCatalog models;

    @Autowired
    LeaderboardService leaderboards;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MachineComparison machine;

    @Autowired
    AttemptLedger ledger;

    @Autowired
    FoolAttemptRepository storedAttempts;

    @Autowired
    ChallengeJudge judge;

    @Test
    void aSuccessfulAttemptIsStoredScoredAndRankedOnTheLevelsLeaderboard() {
        Player player = players.join("ian");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST);
        float[] adversarial = pgd(challenge);

        AttemptOutcome outcome = fool.submit(challenge.id(), player.getId(), adversarial);

        assertThat(outcome.verdict().success()).isTrue();
        assertThat(outcome.verdict().predictedClass()).isNotEqualTo(challenge.trueClass());
        assertThat(outcome.points()).isBetween(50.0, 100.0);
        assertThat(outcome.use().withinBudget()).isTrue();
        assertThat(outcome.use().change().linf())
                .isLessThanOrEqualTo(Budget.epsilon(0.3f).maxLevelChange() / (float) Budget.GREY_LEVELS + 1e-6f);
        assertThat(jdbc.queryForMap("select success, points, l0, model_name, model_version, predicted_class,"
                + " length(original_png) as original, length(adversarial_png) as adversarial"
                + " from fool_attempt where challenge_id = ?", challenge.id()))
                .containsEntry("success", true).containsEntry("points", outcome.points())
                .containsEntry("model_name", "mnist-lenet").containsEntry("model_version", 1)
                .containsEntry("predicted_class", outcome.verdict().predictedClass())
                .hasEntrySatisfying("original", size -> assertThat((Integer) size).isGreaterThan(60))
                .hasEntrySatisfying("adversarial", size -> assertThat((Integer) size).isGreaterThan(60));
        assertThat(leaderboards.top(FoolService.board(FoolLevel.FAINT_TOUCH, DatasetId.MNIST)))
                .extracting(Standing::nickname, Standing::points).contains(org.assertj.core.groups.Tuple.tuple("ian",
                        outcome.points()));
        assertThat(fool.gallery(FoolLevel.FAINT_TOUCH, DatasetId.MNIST)).anySatisfy(item -> {
            assertThat(item.nickname()).isEqualTo("ian");
            assertThat(item.predictedClass()).isEqualTo(outcome.verdict().predictedClass());
        });
    }

    @Test
    void storedAttemptsReadBackFromTheDatabaseRejudgeToTheirStoredVerdict() {
        Player player = players.join("quinn");
        Challenge faint = fool.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST);
        float[] unquantised = pgd(faint);
        fool.submit(faint.id(), player.getId(), unquantised);
        Player other = players.join("ruth");
        Challenge few = fool.newChallenge(other, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        float[] faintInk = few.original();
        for (int i = 0; i < 20; i++) {
            faintInk[300 + i] = Math.min(1f, faintInk[300 + i] + 0.1234f);
        }
        fool.submit(few.id(), other.getId(), faintInk);

        java.util.List<FoolAttempt> stored = storedAttempts.findByChallengeIdIn(java.util.List.of(faint.id(), few.id()));

        assertThat(stored).hasSize(2).allSatisfy(attempt -> {
            FoolLevel level = FoolLevel.fromSlug(attempt.level());
            org.adversarialarena.ml.model.ClassifierId model = org.adversarialarena.ml.model.ClassifierId.parse(
                    attempt.modelName(), attempt.modelVersion());
            org.adversarialarena.ml.attack.AttackGoal goal = attempt.targetClass() < 0
                    ? org.adversarialarena.ml.attack.AttackGoal.untargeted(attempt.trueClass())
                    : org.adversarialarena.ml.attack.AttackGoal.targeted(attempt.trueClass(), attempt.targetClass());
            Verdict again = judge.judge(model, level, goal, attempt.adversarial()).verdict();
            BudgetUse use = level.budget(model.dataset()).use(attempt.original(), attempt.adversarial());
            assertThat(again.predictedClass()).isEqualTo(attempt.predictedClass());
            assertThat(again.success()).isEqualTo(attempt.success());
            assertThat(again.confidence()).isEqualTo(attempt.confidence());
            assertThat(use.change().l0()).isEqualTo(attempt.l0());
            // Datasets scale grey levels by multiplying, PNGs by dividing: the originals may differ in the last bit.
            assertThat(use.change().linf()).isCloseTo(attempt.linf(), org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(FoolScoring.points(level, again.success(), use)).isEqualTo(attempt.points());
        });
    }

    @Test
    void ofTwoSubmissionsOfOneChallengeAtTheSameTimeOnlyOneIsStored() throws Exception {
        Player player = players.join("sam");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        float[] original = challenge.original();
        BudgetUse use = challenge.budget().use(original, original);
        Verdict verdict = new Verdict(challenge.trueClass(), 1f, false, false);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Object> submit = () -> {
            together.await();
            try {
                return ledger.record(challenge.id(), player.getId(), original, original, verdict, use, 0);
            } catch (SubmissionRejectedException e) {
                return e.reason();
            }
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<Object> results = java.util.List.of(two.submit(submit), two.submit(submit)).stream()
                    .map(future -> {
                        try {
                            return future.get(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();

            assertThat(results).filteredOn(Long.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Reason.CHALLENGE_CLOSED::equals).hasSize(1);
        } finally {
            two.shutdownNow();
        }
        assertThat(attemptsOf(player)).isEqualTo(1);
    }

    @Test
    void anAttemptThatDoesNotFoolIsStoredWithoutPointsAndStaysOffTheLeaderboard() {
        Player player = players.join("joan");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.FASHION_MNIST);

        AttemptOutcome outcome = fool.submit(challenge.id(), player.getId(), challenge.original());

        assertThat(outcome.verdict().success()).isFalse();
        assertThat(outcome.verdict().predictedClass()).isEqualTo(challenge.trueClass());
        assertThat(outcome.points()).isZero();
        assertThat(attemptsOf(player)).isEqualTo(1);
        assertThat(leaderboards.personalBest(FoolService.board(FoolLevel.FEW_PIXELS, DatasetId.FASHION_MNIST),
                player.getId())).isEmpty();
    }

    @Test
    void aChallengeImageIsOneTheJudgeGetsRightConfidentlyAndNeverTheSameTwiceInARow() {
        Player player = players.join("kurt");
        float[] previous = null;
        for (int i = 0; i < 8; i++) {
            Challenge challenge = fool.newChallenge(player, FoolLevel.TARGETED, DatasetId.MNIST);
            float[] p = models.classifier(FoolLevel.TARGETED.judgingModel(DatasetId.MNIST)).probabilities(challenge.original());
            assertThat(p[challenge.trueClass()]).isGreaterThanOrEqualTo(0.9f);
            assertThat(challenge.targetClass()).isBetween(0, 9).isNotEqualTo(challenge.trueClass());
            if (previous != null) {
                assertThat(Arrays.equals(previous, challenge.original())).isFalse();
            }
            previous = challenge.original();
        }
    }

    @Test
    void badSubmissionsAreRefusedWithTheirReasonAndChangeNothing() {
        Player player = players.join("lise");
        Player other = players.join("max");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        float[] nan = challenge.original();
        nan[5] = Float.NaN;
        float[] outOfRange = challenge.original();
        outOfRange[5] = 1.5f;
        float[] overBudget = challenge.original();
        for (int i = 0; i < 21; i++) {
            overBudget[i * 7] = overBudget[i * 7] > 0.5f ? 0f : 1f;
        }

        rejected(Reason.INVALID_IMAGE, "784", () -> fool.submit(challenge.id(), player.getId(), new float[10]));
        rejected(Reason.INVALID_IMAGE, "finite", () -> fool.submit(challenge.id(), player.getId(), nan));
        rejected(Reason.INVALID_IMAGE, "[0, 1]", () -> fool.submit(challenge.id(), player.getId(), outOfRange));
        rejected(Reason.UNKNOWN_CHALLENGE, "no challenge",
                () -> fool.submit(UUID.randomUUID(), player.getId(), challenge.original()));
        rejected(Reason.UNKNOWN_CHALLENGE, "no challenge",
                () -> fool.submit(challenge.id(), other.getId(), challenge.original()));
        rejected(Reason.OVER_BUDGET, "21 pixels", () -> fool.submit(challenge.id(), player.getId(), overBudget));

        assertThat(attemptsOf(player) + attemptsOf(other)).isZero();
        assertThat(fool.submit(challenge.id(), player.getId(), challenge.original()).attemptId()).isPositive();
    }

    @Test
    void aChallengeCanBeSubmittedOnceAndNotAfterItExpires() {
        Player player = players.join("niels");
        Challenge once = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        fool.submit(once.id(), player.getId(), once.original());

        rejected(Reason.CHALLENGE_CLOSED, "already submitted",
                () -> fool.submit(once.id(), player.getId(), once.original()));

        Player late = players.join("olga");
        Challenge stale = fool.newChallenge(late, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        jdbc.update("update fool_challenge set expires_at = now() - interval '1 second' where id = ?", stale.id());
        rejected(Reason.CHALLENGE_EXPIRED, "expired", () -> fool.submit(stale.id(), late.getId(), stale.original()));

        Challenge abandoned = fool.newChallenge(late, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        fool.giveUp(abandoned.id(), late.getId());
        rejected(Reason.CHALLENGE_CLOSED, "given up",
                () -> fool.submit(abandoned.id(), late.getId(), abandoned.original()));
        assertThat(attemptsOf(player)).isEqualTo(1);
        assertThat(attemptsOf(late)).isZero();
    }

    @Test
    void aPlayerCannotSubmitFasterThanTheLimitAndTheRefusedSubmissionLeavesNoTrace() {
        Player player = players.join("paul");
        Challenge first = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        Challenge second = fool.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST);
        fool.submit(first.id(), player.getId(), first.original());

        assertThatThrownBy(() -> fool.submit(second.id(), player.getId(), second.original()))
                .isInstanceOf(TooManySubmissionsException.class).hasMessageContaining("try again");

        assertThat(attemptsOf(player)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select closed_at is null from fool_challenge where id = ?", Boolean.class,
                second.id())).isTrue();
    }

    @Test
    void theHiddenModelAnswersOnlyItsTopLabelAndOnlyAFewTimes() {
        Player player = players.join("rosa");
        Challenge challenge = fool.newChallenge(player, FoolLevel.BLINDFOLD, DatasetId.MNIST);
        assertThat(challenge.hiddenQueriesLeft()).isEqualTo(5);

        for (int i = 0; i < 5; i++) {
            assertThat(fool.askHiddenModel(challenge.id(), player.getId(), challenge.original()))
                    .isEqualTo(challenge.trueClass());
        }

        rejected(Reason.NO_QUERIES_LEFT, "5 times",
                () -> fool.askHiddenModel(challenge.id(), player.getId(), challenge.original()));
        assertThat(machine.compare(challenge)).allSatisfy(attempt -> assertThat(attempt.transferred()).isTrue());
        Challenge plain = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        rejected(Reason.NOT_HIDDEN, "plain view", () -> fool.askHiddenModel(plain.id(), player.getId(), plain.original()));
    }

    @Test
    void levelsWhoseModelsAreNotShippedAreUnavailable() {
        Player player = players.join("sofia");
        for (DatasetId dataset : DatasetId.values()) {
            assertThat(fool.isAvailable(FoolLevel.FORTRESS, dataset))
                    .isEqualTo(models.isShipped(FoolLevel.FORTRESS.judgingModel(dataset)));
            assertThat(fool.isAvailable(FoolLevel.FEW_PIXELS, dataset)).isTrue();
            assertThat(fool.isAvailable(FoolLevel.BLINDFOLD, dataset)).isTrue();
        }
        if (!fool.isAvailable(FoolLevel.SENTINEL, DatasetId.MNIST)) {
            assertThatThrownBy(() -> fool.newChallenge(player, FoolLevel.SENTINEL, DatasetId.MNIST))
                    .isInstanceOf(LevelUnavailableException.class).hasMessageContaining("unavailable");
        }
    }

    @Test
    void onTheSentinelLevelAnAttackTheDetectorFlagsEarnsNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(fool.isAvailable(FoolLevel.SENTINEL, DatasetId.MNIST),
                "the MNIST detector is shipped");
        Player player = players.join("ulla");
        Challenge challenge = fool.newChallenge(player, FoolLevel.SENTINEL, DatasetId.MNIST);
        float[] adversarial = pgd(challenge);

        Probe probe = fool.probe(challenge, adversarial);
        Probe clean = fool.probe(challenge, challenge.original());
        AttemptOutcome outcome = fool.submit(challenge.id(), player.getId(), adversarial);

        assertThat(probe.detectorScore()).isGreaterThan(clean.detectorScore());
        assertThat(clean.flagged()).isFalse();
        assertThat(outcome.verdict().predictedClass()).as("the classifier itself is fooled")
                .isNotEqualTo(challenge.trueClass());
        assertThat(outcome.verdict().flagged()).isEqualTo(probe.flagged());
        if (outcome.verdict().flagged()) {
            assertThat(outcome.verdict().success()).isFalse();
            assertThat(outcome.points()).isZero();
        }
    }

    @Test
    void theMachineAttacksTheSameImageAtTheSameBudgetAndIsJudgedLikeAPlayer() {
        Player player = players.join("tim");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);

        java.util.List<MachineAttempt> attempts = machine.compare(challenge);

        assertThat(attempts).extracting(MachineAttempt::attack)
                .satisfiesExactly(a -> assertThat(a).startsWith("FGSM"), a -> assertThat(a).startsWith("PGD"),
                        a -> assertThat(a).startsWith("JSMA").contains("20"), a -> assertThat(a).startsWith("DeepFool"));
        MachineAttempt jsma = attempts.get(2);
        assertThat(jsma.withinBudget()).as("JSMA works in the level's L0 budget").isTrue();
        assertThat(jsma.change().l0()).isLessThanOrEqualTo(20);
        MachineAttempt fgsm = attempts.get(0);
        assertThat(fgsm.withinBudget()).as("FGSM changes far more than 20 pixels").isFalse();
        assertThat(fgsm.success()).isFalse();
        for (MachineAttempt attempt : attempts) {
            assertThat(attempt.difference()).hasSize(784);
            assertThat(attempt.millis()).isPositive();
            assertThat(attempt.fooled()).isEqualTo(attempt.predictedClass() != challenge.trueClass());
            assertThat(attempt.flagged()).isFalse();
            assertThat(attempt.transferred()).isFalse();
        }
    }

    @Test
    void theFortressIsJudgedByTheAdversariallyTrainedNetwork() {
        org.junit.jupiter.api.Assumptions.assumeTrue(fool.isAvailable(FoolLevel.FORTRESS, DatasetId.MNIST),
                "mnist-lenet-madry v1 is shipped");
        Player player = players.join("wanda");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FORTRESS, DatasetId.MNIST);

        AttemptOutcome outcome = fool.submit(challenge.id(), player.getId(), pgd(challenge, false));

        assertThat(jdbc.queryForObject("select model_name from fool_attempt where challenge_id = ?", String.class,
                challenge.id())).isEqualTo("mnist-lenet-madry");
        assertThat(outcome.points()).isEqualTo(outcome.verdict().success()
                ? FoolScoring.points(FoolLevel.FORTRESS, true, outcome.use()) : 0.0);
    }

    /**
     * Every stroke's probe counts the pixels changed so far and answers with a distribution. Its time is
     * printed for docs/fool.md, not asserted: speed is measured, not tested.
     */
    @Test
    void eachStrokeIsJudgedAgainstTheOriginalAndItsTimeIsRecorded() {
        Player player = players.join("vera");
        Challenge challenge = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        float[] original = challenge.original();
        float[] edited = original.clone();
        long[] nanos = new long[60];
        int stroke = 0;
        for (int pixel = 0; pixel < original.length && stroke < nanos.length; pixel++) {
            if (original[pixel] != 0f) {
                continue;
            }
            edited[pixel] = 1f;
            long start = System.nanoTime();
            Probe probe = fool.probe(challenge, edited.clone());
            nanos[stroke++] = System.nanoTime() - start;
            double total = 0;
            for (float p : probe.probabilities()) {
                total += p;
            }
            assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(probe.use().change().l0()).isEqualTo(stroke);
        }
        long[] warm = Arrays.copyOfRange(nanos, 10, stroke);
        Arrays.sort(warm);
        System.out.printf(java.util.Locale.ROOT, "Server side of a stroke (probe, LeNet + budget): median %.2f ms, max %.2f ms%n",
                warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
    }

    private float[] pgd(Challenge challenge) {
        return pgd(challenge, true);
    }

    private float[] pgd(Challenge challenge, boolean mustFool) {
        AttackResult result = GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd()
                .attack(models.classifier(challenge.level().judgingModel(challenge.dataset())), challenge.original(),
                        challenge.goal());
        if (mustFool) {
            assertThat(result.success()).as("PGD fools the plain LeNet at ε = 0.3").isTrue();
        }
        return result.adversarial();
    }

    private long attemptsOf(Player player) {
        Long count = jdbc.queryForObject("select count(*) from fool_attempt where player_id = ?", Long.class, player.getId());
        return count == null ? 0 : count;
    }

    private static void rejected(Reason reason, String saying, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Consumer<Throwable> why = e -> assertThat(((SubmissionRejectedException) e).reason()).isEqualTo(reason);
        assertThatThrownBy(call).isInstanceOf(SubmissionRejectedException.class).hasMessageContaining(saying)
                .satisfies(why::accept);
    }
}
