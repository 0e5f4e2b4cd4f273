package org.adversarialarena.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearToyModelTest {

    @Test
    void theLectureExampleShiftsTheScoreByEpsilonTimesTheL1NormOfW() {
        LinearToyModel.Walkthrough walk = LinearToyModel.LECTURE.walkThrough(LinearToyModel.LECTURE_INPUT, 0.2f);

        assertThat(walk.score()).isCloseTo(-0.95, within(1e-6));
        assertThat(walk.signs()).containsExactly(1f, -1f, 1f, -1f, 1f, -1f);
        assertThat(walk.perturbation()).containsExactly(0.2f, -0.2f, 0.2f, -0.2f, 0.2f, -0.2f);
        assertThat(walk.attacked()[1]).isCloseTo(0.4f, within(1e-6f));
        assertThat(walk.contributions()).containsExactly(new float[] {0.2f, 0.4f, 0.1f, 0.2f, 0.6f, 0.3f}, within(1e-6f));
        assertThat(walk.scoreShift()).isCloseTo(0.2 * 9, within(1e-6));
        assertThat(walk.attackedScore()).isCloseTo(walk.score() + walk.scoreShift(), within(1e-5));
        assertThat(walk.flipped()).isTrue();
        assertThat(walk.probability()).isLessThan(0.5);
        assertThat(walk.attackedProbability()).isGreaterThan(0.5);
    }

    @Test
    void noPerturbationChangesNothing() {
        LinearToyModel.Walkthrough walk = LinearToyModel.LECTURE.walkThrough(LinearToyModel.LECTURE_INPUT, 0f);

        assertThat(walk.attackedScore()).isEqualTo(walk.score());
        assertThat(walk.flipped()).isFalse();
    }

    @Test
    void theSignShiftGrowsLinearlyWithDimensionWhileARandomShiftGrowsLikeItsSquareRoot() {
        List<LinearToyModel.DimensionEffect> effects =
                LinearToyModel.effectOfDimension(new int[] {6, 60, 784, 10_000}, 0.01f, 7L);

        for (int i = 1; i < effects.size(); i++) {
            assertThat(effects.get(i).signShift()).isGreaterThan(effects.get(i - 1).signShift());
            assertThat(effects.get(i).advantage()).isGreaterThan(effects.get(i - 1).advantage() * 0.9);
        }
        LinearToyModel.DimensionEffect large = effects.get(3);
        assertThat(large.signShift()).isCloseTo(10_000 * 0.01 / 2, within(5.0));
        assertThat(large.advantage()).isGreaterThan(40);
    }

    @Test
    void badArgumentsFailClearly() {
        assertThatThrownBy(() -> LinearToyModel.LECTURE.walkThrough(new float[] {1, 2}, 0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has 2 entries");
        assertThatThrownBy(() -> LinearToyModel.LECTURE.walkThrough(LinearToyModel.LECTURE_INPUT, Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ε");
        assertThatThrownBy(() -> new LinearToyModel(new float[] {1, Float.POSITIVE_INFINITY}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearToyModel.effectOfDimension(new int[] {0}, 0.1f, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
