package org.adversarialarena.fool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.adversarialarena.ml.attack.Perturbation;
import org.junit.jupiter.api.Test;

/**
 * Points: success first, then the less of the budget used the better; each level's weight (measured:
 * LevelBalanceIT) multiplies them, and the level the machine fools least weighs most.
 */
class FoolScoringTest {

    private final Budget pixels = Budget.pixels(20);

    @Test
    void aFailureEarnsNothingHoweverThrifty() {
        assertThat(FoolScoring.points(FoolLevel.FEW_PIXELS, false, use(pixels, 1))).isZero();
    }

    @Test
    void anySuccessBeatsAnyFailureAndThriftEarnsMore() {
        double wasteful = FoolScoring.points(FoolLevel.FEW_PIXELS, true, use(pixels, 20));
        double thrifty = FoolScoring.points(FoolLevel.FEW_PIXELS, true, use(pixels, 4));

        assertThat(wasteful / FoolLevel.FEW_PIXELS.weight()).isEqualTo(50.0);
        assertThat(thrifty / FoolLevel.FEW_PIXELS.weight()).isEqualTo(90.0);
        assertThat(thrifty).isGreaterThan(wasteful);
    }

    @Test
    void theSameEditWeighsAsItsLevelAndTheAdversariallyTrainedLevelMost() {
        BudgetUse same = use(pixels, 10);
        double unweighted = FoolScoring.points(FoolLevel.FAINT_TOUCH, true, same) / FoolLevel.FAINT_TOUCH.weight();

        for (FoolLevel level : FoolLevel.values()) {
            assertThat(FoolScoring.points(level, true, same)).as(level.slug()).isCloseTo(level.weight() * unweighted,
                    offset(0.1));
            assertThat(level.weight()).isBetween(1.0, FoolLevel.FORTRESS.weight());
        }
    }

    @Test
    void anOverBudgetEditEarnsNothingEvenIfItFools() {
        assertThat(FoolScoring.points(FoolLevel.FEW_PIXELS, true, use(pixels, 21))).isZero();
    }

    @Test
    void onAnLinfLevelAFainterChangeScoresHigher() {
        Budget epsilon = Budget.epsilon(0.3f);
        BudgetUse faint = epsilon.use(new float[784], filled(0.1f));
        BudgetUse full = epsilon.use(new float[784], filled(0.3f));

        assertThat(FoolScoring.points(FoolLevel.FAINT_TOUCH, true, faint))
                .isGreaterThan(FoolScoring.points(FoolLevel.FAINT_TOUCH, true, full));
        assertThat(FoolScoring.points(FoolLevel.FAINT_TOUCH, true, full) / FoolLevel.FAINT_TOUCH.weight()).isEqualTo(50.0);
    }

    private static BudgetUse use(Budget budget, int changedPixels) {
        Perturbation change = new Perturbation(changedPixels, changedPixels, 1f);
        return new BudgetUse(budget, change, budget.usedFraction(change));
    }

    private static float[] filled(float value) {
        float[] image = new float[784];
        java.util.Arrays.fill(image, value);
        return image;
    }
}
