package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The defense track on the real database with the real job engine: a tiny recipe (a few batches, a
 * short referee) is trained, its weights stored with their SHA-256 and judged on the challenge set;
 * bad recipes are refused with their reason and store nothing; a cancel stops training before the
 * next batch.
 */
@SpringBootTest(properties = {"arena.competitions.defense.training-images=256",
        "arena.competitions.defense.referee-pgd-steps=5", "arena.competitions.defense.referee-restarts=1",
        "arena.competitions.defense.referee-apgd-steps=5"})
class DefenseTrackIT {

    private static final Duration JUDGING = Duration.ofSeconds(120);

    @Autowired
    CompetitionService competitions;

    @Autowired
    DefenseService defenses;

    @Autowired
    DefenseStore store;

    @Autowired
    CompetitionStore competitionStore;

    @Autowired
    ModelCatalog catalog;

    @Autowired
    DefenseJob job;

    @Autowired
    LivePublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRecipeIsTrainedItsWeightsStoredWithTheirHashAndJudgedByTheReferee() throws Exception {
        Entrant ada = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60));
        Defense queued = defenses.submit(ada.id(), new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.MLP,
                0.3f, 2, 1, 5));
        assertThat(queued.status()).isIn(DefenseStatus.QUEUED, DefenseStatus.TRAINING);
        assertThat(queued.totalSteps()).isEqualTo(4);

        Defense judged = waitUntilEnded(queued.id());
        assertThat(judged.status()).as(judged.failure()).isEqualTo(DefenseStatus.SCORED);
        assertThat(judged.step()).isEqualTo(judged.totalSteps());
        byte[] weights = store.weights(judged.id());
        assertThat(judged.weightsSha256()).isEqualTo(CompetitionService.sha256(weights)).hasSize(64);
        assertThat(judged.robustAccuracy()).isBetween(0.0, judged.cleanAccuracy());
        // the halves are scored from the same per-image verdicts: two halves of K/2 images average to the whole
        assertThat((judged.publicRobust() + judged.privateRobust()) / 2)
                .isCloseTo(judged.robustAccuracy(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(judged.pgdAccuracy()).isBetween(judged.robustAccuracy(), judged.cleanAccuracy());
        assertThat(judged.apgdAccuracy()).isBetween(judged.robustAccuracy(), judged.cleanAccuracy());
        assertThat(judged.trainingMs()).isNotNull();
        assertThat(judged.evaluationMs()).isNotNull();

        // the clean accuracy is that of exactly the stored weights on the challenge set
        ChallengeSet set = competitionStore.challengeSet(ada.competitionId());
        float[][] images = set.images().stream().map(ChallengeImage::pixels).toArray(float[][]::new);
        int[] predicted = EvaluationJob.classes(new ClassifierPool(DefenseJob.load(weights), 1).logits(images));
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == set.images().get(i).label() ? 1 : 0;
        }
        assertThat(judged.cleanAccuracy()).isEqualTo(correct / (double) predicted.length);

        Viewing viewing = competitions.view(ada.competitionId(), ada.playerId(), null);
        List<DefenseBoardRow> board = defenses.board(viewing);
        assertThat(board).singleElement().satisfies(row -> {
            assertThat(row.you()).isTrue();
            assertThat(row.name()).isEqualTo(ada.nickname());
            assertThat(row.weightsSha256()).isEqualTo(judged.weightsSha256());
            assertThat(row.robustAccuracy()).isEqualTo(judged.publicRobust()); // the public board ranks the public half
            assertThat(row.recipe().method()).isEqualTo(DefenseMethod.PGD);
        });
    }

    @Test
    void badRecipesAreRefusedWithTheirReasonAndNothingIsStored() {
        Entrant bo = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60));
        assertRefused(bo, new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 2, 3, 1),
                "competition.defense.refused.epochs");
        assertRefused(bo, new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 11, 1, 1),
                "competition.defense.refused.steps");
        assertRefused(bo, new DefenseRecipe(DefenseMethod.TRADES, ClassifierArchitecture.LENET, 0f, 2, 1, 1),
                "competition.defense.refused.epsilon");
        assertRefused(bo, new DefenseRecipe(DefenseMethod.FGSM, ClassifierArchitecture.LENET, 1.5f, 1, 1, 1),
                "competition.defense.refused.epsilon");
        assertRefused(bo, new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0.3f, 0, 1, 1),
                "competition.defense.refused.plain");
        Entrant notYet = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().plus(Duration.ofDays(1)));
        assertRefused(notYet, new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1),
                "competition.refused.not-started");
        Entrant pixels = entrant(new AttackBudget(BudgetNorm.L0, 10), Instant.now().minusSeconds(60));
        assertRefused(pixels, new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1),
                "competition.defense.refused.norm");
        assertThat(count(bo) + count(notYet) + count(pixels)).isZero();
    }

    @Test
    void oneDefenseAtATimeAndAQueuedOneIsCancelledAtOnce() {
        Entrant cy = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60));
        // stored without a queued execution, so it stays QUEUED for as long as the test needs
        long waiting = transaction.execute(status -> store.insert(cy.competitionId(), cy.id(),
                new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1), 4, Instant.now()));
        assertRefused(cy, new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1),
                "competition.defense.refused.busy");
        Entrant other = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60));
        assertThatThrownBy(() -> defenses.cancel(other.id(), waiting)).isInstanceOf(CompetitionRefusedException.class)
                .extracting(e -> ((CompetitionRefusedException) e).key()).isEqualTo("competition.refused.not-found");

        defenses.cancel(cy.id(), waiting);
        assertThat(store.find(waiting).orElseThrow().status()).isEqualTo(DefenseStatus.CANCELLED);
        assertThat(count(cy)).isEqualTo(1);
    }

    @Test
    void aCancelDuringTrainingStopsBeforeTheNextBatch() {
        Entrant dee = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60));
        long defense = transaction.execute(status -> store.insert(dee.competitionId(), dee.id(),
                new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1), 4, Instant.now()));
        AtomicBoolean firstBatch = new AtomicBoolean(true);
        // the owner cancels as training starts: the job sees it before the batch and stores nothing
        job.run(defense, () -> {
            if (firstBatch.getAndSet(false)) {
                jdbc.update("update competition_defense set cancel_requested = true where id = ?", defense);
            }
            return false;
        });
        Defense stopped = store.find(defense).orElseThrow();
        assertThat(stopped.status()).isEqualTo(DefenseStatus.CANCELLED);
        assertThat(stopped.weightsSha256()).isNull();
    }

    /** How long a defense with the default quota and referee takes here: run with -Ddefense.measure=true. */
    @Test
    @EnabledIfSystemProperty(named = "defense.measure", matches = "true")
    void aDefaultDefenseIsTrainedAndJudged() {
        Entrant eve = entrant(new AttackBudget(BudgetNorm.LINF, 0.3), Instant.now().minusSeconds(60),
                CompetitionSettings.DEFAULT_IMAGE_COUNT);
        DefenseQuota defaults = new DefenseQuota(2, 10, 6400, 64, 3, 40, 5, 100, 0.2);
        DefenseRecipe recipe = new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 7, 2, 1);
        long defense = transaction.execute(status -> store.insert(eve.competitionId(), eve.id(), recipe,
                defaults.totalSteps(recipe, catalog.dataset(org.adversarialarena.ml.data.DatasetId.MNIST).train().size()),
                Instant.now()));
        new DefenseJob(store, competitionStore, catalog, defaults, publisher, transaction, Clock.systemUTC())
                .run(defense, () -> false);
        Defense judged = store.find(defense).orElseThrow();
        assertThat(judged.status()).as(judged.failure()).isEqualTo(DefenseStatus.SCORED);
        System.out.printf("DEFAULT DEFENSE: %d steps, trained in %d ms, judged in %d ms: clean %.3f robust %.3f pgd %.3f apgd %.3f%n",
                judged.totalSteps(), judged.trainingMs(), judged.evaluationMs(), judged.cleanAccuracy(),
                judged.robustAccuracy(), judged.pgdAccuracy(), judged.apgdAccuracy());
    }

    private void assertRefused(Entrant entrant, DefenseRecipe recipe, String key) {
        Refusals.assertRefused(() -> defenses.submit(entrant.id(), recipe), key);
    }

    private int count(Entrant entrant) {
        Integer n = jdbc.queryForObject("select count(*) from competition_defense where entrant_id = ?", Integer.class,
                entrant.id());
        return n == null ? 0 : n;
    }

    private Defense waitUntilEnded(long id) throws InterruptedException {
        long deadline = System.nanoTime() + JUDGING.toNanos();
        Defense current = store.find(id).orElseThrow();
        while (current.status().active() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            current = store.find(id).orElseThrow();
        }
        return current;
    }

    private Entrant entrant(AttackBudget budget, Instant start) {
        return entrant(budget, start, 20);
    }

    private Entrant entrant(AttackBudget budget, Instant start, int images) {
        HostedCompetitions.signedInNew(jdbc, "INSTRUCTOR");
        Instant begin = start.truncatedTo(ChronoUnit.SECONDS);
        long id = competitions.host(new CompetitionSettings("Defense contest", "Rules", false, begin,
                begin.plus(Duration.ofDays(7)), List.of(new CompetitionPhase("black-box", begin, false, false)), 3, 10,
                Duration.ofHours(1), false, "mnist-lenet", images, 11, budget));
        SecurityContextHolder.clearContext();
        Player player = players.join("Def" + UUID.randomUUID().toString().substring(0, 6));
        return competitions.enter(id, player, null);
    }
}
