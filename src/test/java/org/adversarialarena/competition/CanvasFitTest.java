package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a canvas drawing stands for when it is saved to a draft: untouched pixels (reported rounded to
 * three decimals) are their originals, and every pixel stays within the budget's bounds.
 */
class CanvasFitTest {

    private static float[] original() {
        float[] pixels = new float[ChallengeSet.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 256) / 255f;
        }
        return pixels;
    }

    private static float[] roundedToThreeDecimals(float[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(pixels[i] * 1000) / 1000f;
        }
        return values;
    }

    @Test
    void untouchedPixelsAsTheCanvasReportsThemAreTheOriginalsSoAnL0BudgetCountsOnlyRealChanges() {
        AttackBudget budget = new AttackBudget(BudgetNorm.L0, 3);
        float[] original = original();
        float[] drawn = roundedToThreeDecimals(original);
        drawn[5] = 1f;
        drawn[6] = 0f;

        float[] fitted = budget.fit(original, drawn);

        assertThat(budget.distance(original, fitted)).isEqualTo(2);
        assertThat(fitted[7]).isEqualTo(original[7]);
        assertThat(fitted[5]).isEqualTo(1f);
        assertThat(budget.maxChangedPixels()).isEqualTo(3);
        assertThat(budget.lowerBounds(original)).containsOnly(0f);
    }

    @Test
    void anLinfDrawingJustPastItsBoundsIsClippedToThemAndStaysWithinBudget() {
        AttackBudget budget = new AttackBudget(BudgetNorm.LINF, 0.3);
        float[] original = original();
        float[] drawn = roundedToThreeDecimals(budget.upperBounds(original));
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = Math.min(1f, drawn[i] + 0.002f);
        }

        float[] fitted = budget.fit(original, drawn);

        assertThat(budget.allows(budget.distance(original, fitted))).isTrue();
        assertThat(budget.distance(original, fitted)).isGreaterThan(0.29);
        assertThat(fitted[0]).isEqualTo(0.3f);
        assertThat(budget.lowerBounds(original)[255]).isEqualTo((float) (1 - 0.3));
    }

    @Test
    void aPixelFurtherOutThanAnyCanvasSendsIsKeptAsSentAndTheBudgetRefusesIt() {
        AttackBudget budget = new AttackBudget(BudgetNorm.LINF, 0.3);
        float[] original = original();
        float[] drawn = original.clone();
        drawn[0] = 0.9f;

        float[] fitted = budget.fit(original, drawn);

        assertThat(fitted[0]).isEqualTo(0.9f);
        assertThat(budget.allows(budget.distance(original, fitted))).isFalse();
    }
}
