package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What each entrant brings to the cross-evaluation: their best attack and their best defense by the
 * public half; a defense only if it was judged before the attack phase; the attack phase, the release
 * of the weights in a white-box phase, and the defense boards (freeze, private half at the end).
 */
class FinalEntriesTest {

    private static final Instant ATTACK_PHASE = Fixtures.START.plus(Duration.ofDays(2));
    private static final Instant WHITE_BOX = Fixtures.START.plus(Duration.ofDays(4));
    private static final AttackBudget BUDGET = new AttackBudget(BudgetNorm.LINF, 0.3);
    private long ids;

    private static CompetitionSettings attackedDefenses(boolean anonymous) {
        CompetitionSettings base = Fixtures.settings(BUDGET, 4, Duration.ofHours(12), anonymous, List.of(
                new CompetitionPhase("defend", Fixtures.START, false, false),
                new CompetitionPhase("black-box attack", ATTACK_PHASE, false, false),
                new CompetitionPhase("white-box attack", WHITE_BOX, false, true)));
        return new CompetitionSettings(base.title(), base.description(), false, base.startsAt(), base.endsAt(),
                base.phases(), 3, 10, base.freeze(), anonymous, base.modelName(), 4, 7, BUDGET, true);
    }

    private Defense defense(long entrant, Instant judgedAt, @Nullable Double publicRobust, @Nullable Double privateRobust,
            double clean) {
        return new Defense(++ids, 1, entrant, new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.MLP, 0.3f, 2, 1, 1),
                DefenseStatus.SCORED, 4, 4, false, null, judgedAt.minusSeconds(600), 1L, 1L, "hash" + ids, clean,
                publicRobust, publicRobust, publicRobust, judgedAt, publicRobust, privateRobust);
    }

    @Test
    void theFinalDefenseIsTheBestOnThePublicHalfAmongThoseJudgedBeforeTheAttackPhase() {
        CompetitionSettings settings = attackedDefenses(false);
        Defense adaEarly = defense(1, ATTACK_PHASE.minusSeconds(3600), 0.4, 0.9, 0.9);
        Defense adaBest = defense(1, ATTACK_PHASE.minusSeconds(60), 0.6, 0.1, 0.9);
        Defense adaLate = defense(1, ATTACK_PHASE.plusSeconds(1), 0.9, 0.9, 0.9);   // judged too late: not a target
        Defense boTieLowerClean = defense(2, ATTACK_PHASE.minusSeconds(50), 0.5, 0.5, 0.7);
        Defense boTieHigherClean = defense(2, ATTACK_PHASE.minusSeconds(40), 0.5, 0.5, 0.8);
        Defense cyOnlyLate = defense(3, ATTACK_PHASE.plusSeconds(10), 1.0, 1.0, 1.0);
        Defense failed = new Defense(++ids, 1, 4, adaBest.recipe(), DefenseStatus.FAILED, 0, 4, false, "boom",
                Fixtures.START, null, null, null, null, null, null, null, null, null, null);

        List<Defense> finals = FinalEntries.defenses(settings,
                List.of(adaEarly, adaBest, adaLate, boTieLowerClean, boTieHigherClean, cyOnlyLate, failed));

        assertThat(finals).containsExactly(adaBest, boTieHigherClean);
    }

    @Test
    void withoutAnAttackPhaseTheDefensesAreFixedAtTheEnd() {
        CompetitionSettings settings = Fixtures.settings();
        Defense judged = defense(1, Fixtures.END.minusSeconds(1), 0.2, 0.2, 0.9);
        Defense afterTheEnd = defense(2, Fixtures.END, 0.3, 0.3, 0.9);

        assertThat(settings.attackPhase()).isEmpty();
        assertThat(settings.defensesFixedAt()).isEqualTo(Fixtures.END);
        assertThat(FinalEntries.defenses(settings, List.of(judged, afterTheEnd))).containsExactly(judged);
        assertThat(settings.weightsReleased(Fixtures.END.plusSeconds(1))).isFalse();
    }

    @Test
    void theAttackPhaseIsTheSecondAndTheWeightsAreReleasedFromTheFirstWhiteBoxPhaseOn() {
        CompetitionSettings settings = attackedDefenses(false);

        assertThat(settings.attackPhase()).contains(1);
        assertThat(settings.defensesFixedAt()).isEqualTo(ATTACK_PHASE);
        assertThat(settings.weightsReleased(ATTACK_PHASE)).isFalse();
        assertThat(settings.weightsReleased(WHITE_BOX.minusSeconds(1))).isFalse();
        assertThat(settings.weightsReleased(WHITE_BOX)).isTrue();
        assertThat(settings.weightsReleased(Fixtures.END.plusSeconds(1))).isTrue();
    }

    @Test
    void attackingTheDefensesNeedsTwoPhasesAndAnLinfBudget() {
        CompetitionSettings one = Fixtures.settings();
        CompetitionSettings onePhase = new CompetitionSettings(one.title(), one.description(), false, one.startsAt(),
                one.endsAt(), one.phases(), 3, 10, one.freeze(), false, one.modelName(), 4, 7, BUDGET, true);
        CompetitionSettings two = attackedDefenses(false);
        CompetitionSettings pixels = new CompetitionSettings(two.title(), two.description(), false, two.startsAt(),
                two.endsAt(), two.phases(), 3, 10, two.freeze(), false, two.modelName(), 4, 7,
                new AttackBudget(BudgetNorm.L0, 10), true);

        for (CompetitionSettings refused : List.of(onePhase, pixels)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(refused::requireValid)
                    .isInstanceOf(CompetitionRefusedException.class)
                    .extracting(e -> ((CompetitionRefusedException) e).key())
                    .isEqualTo("competition.refused.defenses-attacked");
        }
        two.requireValid();
    }

    @Test
    void theFinalAttackIsEachEntrantsBestOnThePublicHalf() {
        Instant at = Fixtures.START.plusSeconds(60);
        Submission adaWorse = new Submission(1, 1, 1, "ada", Channel.API, 0, SubmissionStatus.SCORED, null, at, at, 0.2,
                0.9, 0.1, 0.1);
        Submission adaBetter = new Submission(2, 1, 1, "ada", Channel.API, 0, SubmissionStatus.SCORED, null, at, at, 0.7,
                0.1, 0.1, 0.1);
        Submission boFailed = new Submission(3, 1, 2, "bo", Channel.API, 0, SubmissionStatus.FAILED, "x", at, at, null,
                null, null, null);

        assertThat(FinalEntries.attacks(Fixtures.settings(), List.of(adaWorse, adaBetter, boFailed))).containsExactly(adaBetter);
    }

    @Test
    void theDefenseBoardFreezesLikeTheAttackBoardAndRevealsThePrivateHalfOfTheFinalDefensesAtTheEnd() {
        CompetitionSettings settings = Fixtures.settings(); // no attack phase: defenses fixed at the end
        Instant freeze = settings.freezesAt();
        Defense adaBeforeFreeze = defense(1, freeze.minusSeconds(3600), 0.5, 0.8, 0.9);
        Defense boBeforeFreeze = defense(2, freeze.minusSeconds(3600), 0.4, 0.3, 0.9);
        Defense boDuringFreeze = defense(2, freeze.plusSeconds(3600), 0.9, 0.2, 0.9);
        List<Defense> scored = List.of(adaBeforeFreeze, boBeforeFreeze, boDuringFreeze);
        Instant duringFreeze = freeze.plusSeconds(7200);

        Boards.Ranking<Defense> others = Boards.publicRanking(settings, scored, Boards.DEFENSES, Boards.Viewer.anybody(),
                duringFreeze);
        Boards.Ranking<Defense> host = Boards.publicRanking(settings, scored, Boards.DEFENSES, Boards.Viewer.hosting(),
                duringFreeze);
        assertThat(others.frozen()).isTrue();
        assertThat(others.rows()).extracting(Boards.Ranked::entry).containsExactly(adaBeforeFreeze, boBeforeFreeze);
        assertThat(host.rows()).extracting(Boards.Ranked::entry).containsExactly(boDuringFreeze, adaBeforeFreeze);

        List<Defense> finals = FinalEntries.defenses(settings, scored);
        assertThat(Boards.privateRanking(settings, finals, Boards.DEFENSES, Boards.Viewer.anybody(), duringFreeze).rows())
                .isEmpty();
        Boards.Ranking<Defense> revealed = Boards.privateRanking(settings, finals, Boards.DEFENSES,
                Boards.Viewer.anybody(), Fixtures.END);
        // bo's final defense is the one best in public (0.9), weaker on the private half than ada's
        assertThat(revealed.rows()).extracting(Boards.Ranked::entry).containsExactly(adaBeforeFreeze, boDuringFreeze);
        assertThat(revealed.privateHalf()).isTrue();
    }

    @Test
    void onAnAnonymousBoardOnlyTheHostAndTheEntrantThemselvesAreNamed() {
        CompetitionSettings settings = attackedDefenses(true);
        Defense ada = defense(1, ATTACK_PHASE.minusSeconds(60), 0.5, 0.5, 0.9);
        Defense bo = defense(2, ATTACK_PHASE.minusSeconds(60), 0.4, 0.5, 0.9);
        Instant now = ATTACK_PHASE;

        assertThat(Boards.publicRanking(settings, List.of(ada, bo), Boards.DEFENSES, Boards.Viewer.entrant(2), now).rows())
                .extracting(Boards.Ranked::named).containsExactly(false, true);
        assertThat(Boards.publicRanking(settings, List.of(ada, bo), Boards.DEFENSES, Boards.Viewer.hosting(), now).rows())
                .extracting(Boards.Ranked::named).containsExactly(true, true);
    }

    @Test
    void entryRulesCombineWithAttackedDefenses() {
        CompetitionSettings teams = attackedDefenses(false).withEntry(new EntryRules(2, 3));

        assertThat(teams.defensesAttacked()).isTrue();
        assertThat(teams.entry()).isEqualTo(new EntryRules(2, 3));
        assertThat(teams.attackPhase()).contains(1);
        teams.requireValid();
        assertThat(Fixtures.settings().defensesAttacked()).isFalse();
        assertThat(Fixtures.settings().entry()).isEqualTo(EntryRules.INDIVIDUALS);
    }

    @Test
    void defensesCountPerEntrantSoATeamMemberOwnsTheirDefenseButNotTheirTeammates() {
        CompetitionSettings settings = attackedDefenses(true);
        Defense ada = defense(1, ATTACK_PHASE.minusSeconds(60), 0.5, 0.5, 0.9);
        Defense bo = defense(2, ATTACK_PHASE.minusSeconds(60), 0.4, 0.5, 0.9);
        Boards.Viewer adaInTeam = Boards.Viewer.member(1, Competitor.team(7));   // ada and bo are both in team 7

        assertThat(Boards.publicRanking(settings, List.of(ada, bo), Boards.DEFENSES, adaInTeam, ATTACK_PHASE).rows())
                .extracting(Boards.Ranked::you, Boards.Ranked::named)
                .containsExactly(tuple(true, true),
                        tuple(false, false));
        assertThat(FinalEntries.defenses(settings, List.of(ada, bo))).containsExactly(ada, bo);
    }

    @Test
    void theRefereesVerdictIsScoredPerHalf() {
        ChallengeSet set = Fixtures.set(); // positions 2 and 3 private

        DefenseVerdict verdict = DefenseVerdict.of(1.0, 0.5, 0.75, 0.5, new boolean[] {true, true, false, false}, set);

        assertThat(verdict.publicRobust()).isEqualTo(1.0);
        assertThat(verdict.privateRobust()).isEqualTo(0.0);
    }
}
