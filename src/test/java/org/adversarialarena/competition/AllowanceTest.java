package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Caps and the settings that make a fair contest. */
class AllowanceTest {

    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");

    @Test
    void theDailyCapCountsSinceMidnightUtcAndResetsAtTheNextOne() {
        List<Instant> counted = List.of(NOON.minus(Duration.ofDays(1)), NOON.minusSeconds(3600), NOON.minusSeconds(60));
        Allowance allowance = Allowance.of(counted, 3, 10, NOON);
        assertThat(allowance.remainingToday()).isEqualTo(1);
        assertThat(allowance.remainingTotal()).isEqualTo(7);
        assertThat(allowance.remaining()).isEqualTo(1);
        assertThat(allowance.resetsAt()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void theTotalCapEndsSubmittingWhateverTheDay() {
        List<Instant> counted = List.of(NOON.minus(Duration.ofDays(2)), NOON.minus(Duration.ofDays(1)));
        Allowance allowance = Allowance.of(counted, 3, 2, NOON);
        assertThat(allowance.remainingToday()).isEqualTo(3);
        assertThat(allowance.remaining()).isZero();
    }

    @Test
    void theCurrentPhaseFollowsTheClockAndNothingIsOpenOutsideTheCompetition() {
        CompetitionSettings settings = Fixtures.settings(new AttackBudget(BudgetNorm.L0, 10), 100, Duration.ZERO, false,
                List.of(new CompetitionPhase("black-box", Fixtures.START, false, false),
                        new CompetitionPhase("white-box", Fixtures.START.plus(Duration.ofDays(2)), false, true)));
        settings.requireValid();
        assertThat(settings.phaseAt(Fixtures.START.minusSeconds(1))).isEmpty();
        assertThat(settings.phaseAt(Fixtures.START)).contains(0);
        assertThat(settings.phaseAt(Fixtures.START.plus(Duration.ofDays(2)))).contains(1);
        assertThat(settings.phaseAt(Fixtures.END)).isEmpty();
    }

    @Test
    void settingsThatCannotMakeAFairContestAreRefused() {
        AttackBudget budget = new AttackBudget(BudgetNorm.LINF, 0.1);
        List<CompetitionPhase> phases = List.of(new CompetitionPhase("only", Fixtures.START, false, false));
        assertRefused(Fixtures.settings(budget, 99, Duration.ZERO, false, phases), "competition.refused.images");
        assertRefused(Fixtures.settings(budget, 100, Duration.ofDays(8), false, phases), "competition.refused.freeze");
        assertRefused(Fixtures.settings(budget, 100, Duration.ZERO, false,
                List.of(new CompetitionPhase("late", Fixtures.START.plusSeconds(1), false, false))), "competition.refused.phases");
        assertRefused(Fixtures.settings(budget, 100, Duration.ZERO, false, List.of(phases.getFirst(),
                new CompetitionPhase("after the end", Fixtures.END, false, true))), "competition.refused.phases");
        assertThatThrownBy(() -> new AttackBudget(BudgetNorm.LINF, 1.5)).isInstanceOf(CompetitionRefusedException.class);
        assertThatThrownBy(() -> new AttackBudget(BudgetNorm.L0, 2.5)).isInstanceOf(CompetitionRefusedException.class);
    }

    private static void assertRefused(CompetitionSettings settings, String key) {
        Refusals.assertRefused(settings::requireValid, key);
    }
}
